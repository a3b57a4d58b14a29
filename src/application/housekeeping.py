from dataclasses import dataclass, replace
from datetime import timedelta

from application.billing.expire_period_credits import ExpirePeriodCredits
from domain.ports.idempotency import IdempotencyStore
from domain.ports.magic_links import MagicLinkRepository
from domain.ports.outbox import Outbox
from domain.ports.quota import QuotaLedger
from domain.ports.sessions import SessionRepository
from domain.ports.system import Clock
from domain.ports.transactions import TransactionManager

KEEP_SENT_MAIL = timedelta(days=7)


@dataclass(frozen=True, slots=True)
class HousekeepingReport:
    magic_links: int
    sessions: int
    mail: int
    reservations: int = 0
    idempotency_keys: int = 0
    periods: int = 0


class Housekeeping:
    """Remove what has no use any more.

    - expired sign-in links, used or not
    - session families that were revoked or reached their lifetime
    - delivered e-mails after a week (their bodies were wiped on delivery)
    - token reservations whose call never settled (its process died): they are released
    - idempotency keys older than a day
    - plans' periods that ended: their unused credits expire or roll over (ExpirePeriodCredits)
    """

    def __init__(self, links: MagicLinkRepository, sessions: SessionRepository, outbox: Outbox,
                 ledger: QuotaLedger, keys: IdempotencyStore, tx: TransactionManager,
                 clock: Clock, periods: ExpirePeriodCredits) -> None:
        self._links, self._sessions, self._outbox, self._ledger = links, sessions, outbox, ledger
        self._keys, self._periods = keys, periods
        self._tx, self._clock = tx, clock

    async def __call__(self) -> HousekeepingReport:
        now = self._clock.now()
        report = HousekeepingReport(
            magic_links=await self._links.delete_expired(now),
            sessions=await self._sessions.delete_ended(now),
            mail=await self._outbox.purge_sent(now - KEEP_SENT_MAIL),
            reservations=await self._ledger.expire_stale(now),
            idempotency_keys=await self._keys.purge_expired(now),
        )
        await self._tx.commit()
        return replace(report, periods=await self._periods())
