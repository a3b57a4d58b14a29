from abc import abstractmethod
from typing import Protocol

from domain.outbox import EmailMessage


class MailDeliveryError(Exception):
    """The message could not be handed over; it may be tried again later.

    Everything it carries is safe to log, and never part of the message: `reason` in words,
    the server's reply `code` when it answered (550, 554, ...; None when it could not be
    reached or was never asked) and the `server` it tried ("smtp.example.org:587").
    """

    def __init__(self, reason: str, *, code: int | None = None,
                 server: str | None = None) -> None:
        super().__init__(reason)
        self.reason, self.code, self.server = reason, code, server


class Mailer(Protocol):
    """Hands an e-mail (a plain-text and an HTML part) to a mail transport.

    `send` returns once the transport accepted the message and raises MailDeliveryError
    when it did not (server down, refused, timed out), with the server's reply code when
    there was one. It never logs the message body, nor puts it in the error.
    """

    @abstractmethod
    async def send(self, message: EmailMessage) -> None: ...
