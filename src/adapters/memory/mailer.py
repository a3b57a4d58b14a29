from domain.outbox import EmailMessage
from domain.ports.mailer import MailDeliveryError, Mailer


class InMemoryMailer(Mailer):
    """Keeps what it was given in `sent`; with `fail` set it refuses like a server that is down."""

    def __init__(self, *, fail: bool = False) -> None:
        self.sent: list[EmailMessage] = []
        self.fail = fail

    async def send(self, message: EmailMessage) -> None:
        if self.fail:
            raise MailDeliveryError("the in-memory mail server is down")
        self.sent.append(message)
