from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from application.mail.policy import OutboxPolicy
from domain.ids import OutboxMessageId
from domain.ports.mailer import MailDeliveryError, Mailer
from domain.ports.outbox import Outbox
from domain.ports.system import Clock
from domain.ports.transactions import TransactionManager

CLAIM_LEASE_S = 120


@dataclass(frozen=True, slots=True, kw_only=True)
class DeliveryFailure:
    """Why one message was not delivered, in terms safe to log: no recipient's text, no
    link. `retry_at` is None when the message has used up its attempts."""

    message_id: OutboxMessageId
    attempts: int
    reason: str
    code: int | None
    server: str | None
    retry_at: datetime | None


@dataclass(frozen=True, slots=True)
class DeliveryReport:
    sent: int
    failed: int
    failures: tuple[DeliveryFailure, ...] = field(default=())
    pending: int = 0  # messages still to deliver after this round (the outbox's depth)


class DeliverOutbox:
    """Hand the e-mails that are due to the mail transport.

    - due messages are claimed (and the claim committed) before sending, so concurrent
      deliverers never send one message twice
    - a delivered message is marked sent and its body wiped
    - a failed delivery is retried later with a growing delay, from
      `policy.first_retry`; nothing is lost
    - the report says, per failed message, what the transport answered, and how many
      messages are still to deliver after this round
    """

    def __init__(self, outbox: Outbox, mailer: Mailer, tx: TransactionManager,
                 clock: Clock, policy: OutboxPolicy) -> None:
        self._outbox, self._mailer, self._tx, self._clock = outbox, mailer, tx, clock
        self._policy = policy

    async def __call__(self, limit: int = 20) -> DeliveryReport:
        claimed = await self._outbox.claim_due(self._clock.now(), limit, CLAIM_LEASE_S)
        await self._tx.commit()
        sent, failures = 0, list[DeliveryFailure]()
        for message in claimed:
            try:
                await self._mailer.send(message.message)
            except MailDeliveryError as error:
                failed = message.failed(str(error), self._clock.now(),
                                        self._policy.first_retry)
                await self._outbox.save(failed)
                failures.append(DeliveryFailure(
                    message_id=message.id, attempts=failed.attempts, reason=error.reason,
                    code=error.code, server=error.server,
                    retry_at=failed.next_attempt_at if failed.pending else None))
            else:
                await self._outbox.save(message.delivered(self._clock.now()))
                sent += 1
            await self._tx.commit()
        pending = await self._outbox.count_pending()
        return DeliveryReport(sent=sent, failed=len(failures), failures=tuple(failures),
                              pending=pending)
