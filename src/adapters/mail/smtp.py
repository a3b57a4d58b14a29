import aiosmtplib

from adapters.mail.message import build_mime
from domain.outbox import EmailMessage
from domain.ports.mailer import MailDeliveryError, Mailer

_MAX_REPLY = 200


class SmtpMailer(Mailer):
    """Sends each message over its own SMTP connection (the outbox sends few, and retries)."""

    def __init__(self, *, host: str, port: int, sender: str, username: str | None = None,
                 password: str | None = None, starttls: bool = False,
                 timeout_s: float = 10.0) -> None:
        self._host, self._port, self._sender = host, port, sender
        self._username, self._password = username, password
        self._starttls, self._timeout_s = starttls, timeout_s

    async def send(self, message: EmailMessage) -> None:
        server = f"{self._host}:{self._port}"
        try:
            mime = build_mime(message, sender=self._sender)
        except ValueError as error:
            raise MailDeliveryError(f"the message could not be built: {error}",
                                    server=server) from error
        try:
            await aiosmtplib.send(
                mime, hostname=self._host, port=self._port, username=self._username,
                password=self._password, start_tls=self._starttls, timeout=self._timeout_s,
            )
        except (aiosmtplib.SMTPException, OSError) as error:
            # The cause names the server's answer, never the message: bodies carry sign-in links.
            raise MailDeliveryError(
                f"SMTP {server} did not accept the message: {type(error).__name__}: "
                f"{_reply(error)}", code=_code(error), server=server,
            ) from error


def _code(error: Exception) -> int | None:
    """The server's reply code: the error's own, or the first refused recipient's."""
    if isinstance(error, aiosmtplib.SMTPRecipientsRefused) and error.recipients:
        return error.recipients[0].code
    return error.code if isinstance(error, aiosmtplib.SMTPResponseException) else None


def _reply(error: Exception) -> str:
    """What the server said (or what went wrong on the way), on one line, shortened."""
    if isinstance(error, aiosmtplib.SMTPResponseException):
        text = f"{error.code} {error.message}"
    else:
        text = str(error) or "no answer"
    return " ".join(text.split())[:_MAX_REPLY]
