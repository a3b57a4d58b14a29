from abc import abstractmethod
from typing import Protocol

from domain.outbox import EmailMessage


class MailDeliveryError(Exception):
    """The message could not be handed over; it may be tried again later."""


class Mailer(Protocol):
    """Hands an e-mail (a plain-text and an HTML part) to a mail transport.

    `send` returns once the transport accepted the message and raises MailDeliveryError
    when it did not (server down, refused, timed out). It never logs the message body.
    """

    @abstractmethod
    async def send(self, message: EmailMessage) -> None: ...
