import asyncio
import os
import re
import secrets
from datetime import UTC, datetime
from email.policy import SMTP
from pathlib import Path

import structlog

from adapters.mail.message import build_mime
from domain.outbox import EmailMessage
from domain.ports.mailer import MailDeliveryError, Mailer

_LINK = re.compile(r"https?://[^\s<>\"']+")


class FileMailer(Mailer):
    """Development mailer: writes each message as an RFC 5322 `.eml` file into `directory`.

    With `echo_links` the first link of the text part (the sign-in link) is also logged, so a
    developer can sign in without opening the file. Never used in production.
    """

    def __init__(self, *, directory: Path, sender: str, echo_links: bool = False) -> None:
        self._directory, self._sender, self._echo_links = directory, sender, echo_links

    async def send(self, message: EmailMessage) -> None:
        try:
            data = build_mime(message, sender=self._sender).as_bytes(policy=SMTP)
            path = await asyncio.to_thread(self._write, data)
        except (ValueError, OSError) as error:
            raise MailDeliveryError(
                f"the message could not be written to {self._directory}: "
                f"{type(error).__name__}: {error}"
            ) from error
        if self._echo_links and (link := _LINK.search(message.text)):
            structlog.get_logger("tesigo.mail").info(
                "sign-in link (development only)", link=link.group(), to=message.to,
                file=str(path),
            )

    def _write(self, data: bytes) -> Path:
        self._directory.mkdir(parents=True, exist_ok=True)
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
        path = self._directory / f"{stamp}-{secrets.token_hex(4)}.eml"
        temporary = path.with_name(f".{path.name}.tmp")
        # Owner-only: the files hold sign-in links.
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            with os.fdopen(descriptor, "wb") as file:
                file.write(data)
            os.replace(temporary, path)
        except BaseException:
            temporary.unlink(missing_ok=True)
            raise
        return path
