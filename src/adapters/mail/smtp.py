import aiosmtplib

from adapters.mail.message import build_mime
from domain.outbox import EmailMessage
from domain.ports.mailer import MailDeliveryError, Mailer


class SmtpMailer(Mailer):
    """Sends each message over its own SMTP connection (the outbox sends few, and retries)."""

    def __init__(self, *, host: str, port: int, sender: str, username: str | None = None,
                 password: str | None = None, starttls: bool = False,
                 timeout_s: float = 10.0) -> None:
        self._host, self._port, self._sender = host, port, sender
        self._username, self._password = username, password
        self._starttls, self._timeout_s = starttls, timeout_s

    async def send(self, message: EmailMessage) -> None:
        try:
            mime = build_mime(message, sender=self._sender)
        except ValueError as error:
            raise MailDeliveryError(f"the message could not be built: {error}") from error
        try:
            await aiosmtplib.send(
                mime, hostname=self._host, port=self._port, username=self._username,
                password=self._password, start_tls=self._starttls, timeout=self._timeout_s,
            )
        except (aiosmtplib.SMTPException, OSError) as error:
            # The cause names the server's answer, never the message: bodies carry sign-in links.
            raise MailDeliveryError(
                f"SMTP {self._host}:{self._port} did not accept the message: "
                f"{type(error).__name__}: {error}"
            ) from error
