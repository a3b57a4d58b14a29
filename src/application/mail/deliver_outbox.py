from dataclasses import dataclass

from domain.ports.mailer import MailDeliveryError, Mailer
from domain.ports.outbox import Outbox
from domain.ports.system import Clock
from domain.ports.transactions import TransactionManager

CLAIM_LEASE_S = 120


@dataclass(frozen=True, slots=True)
class DeliveryReport:
    sent: int
    failed: int


class DeliverOutbox:
    """Hand the e-mails that are due to the mail transport.

    - due messages are claimed (and the claim committed) before sending, so concurrent
      deliverers never send one message twice
    - a delivered message is marked sent and its body wiped
    - a failed delivery is retried later with a growing delay; nothing is lost
    """

    def __init__(self, outbox: Outbox, mailer: Mailer, tx: TransactionManager,
                 clock: Clock) -> None:
        self._outbox, self._mailer, self._tx, self._clock = outbox, mailer, tx, clock

    async def __call__(self, limit: int = 20) -> DeliveryReport:
        claimed = await self._outbox.claim_due(self._clock.now(), limit, CLAIM_LEASE_S)
        await self._tx.commit()
        sent = failed = 0
        for message in claimed:
            try:
                await self._mailer.send(message.message)
            except MailDeliveryError as error:
                await self._outbox.save(message.failed(str(error), self._clock.now()))
                failed += 1
            else:
                await self._outbox.save(message.delivered(self._clock.now()))
                sent += 1
            await self._tx.commit()
        return DeliveryReport(sent=sent, failed=failed)
