from application.billing.policy import BillingPolicy
from domain.payments import Payment
from domain.ports.payments import PaymentRepository
from domain.ports.quota import QuotaLedger
from domain.ports.system import Clock
from domain.ports.transactions import TransactionManager
from domain.quota import LedgerEntry, LedgerReason, QuotaLimits

BATCH = 100
# `balance` needs limits only for the daily figures it also answers, which are not read here.
_NO_LIMITS = QuotaLimits(daily_tokens=0, global_daily_tokens=0)


def unused(payment: Payment, entries: list[LedgerEntry]) -> int:
    """The period's credits less the usage charged between its payment and its end (a
    plan's credits are spent before any others bought)."""
    end = payment.period_end
    spent = -sum(entry.delta for entry in entries if entry.reason is LedgerReason.USAGE
                 and payment.created_at <= entry.at and (end is None or entry.at < end))
    return max(0, payment.credits - spent)


class ExpirePeriodCredits:
    """At the end of a plan's paid period, its unused credits expire, or roll over when
    the plan says so; each period once, each in its own transaction.

    - without rollover an EXPIRY entry removes the unused credits, never more than the
      user holds beyond their reservations (a balance never goes below zero this way)
    - with rollover a ROLLOVER entry of zero records how many were carried on
    - the payment keeps how many expired, so a later refund takes back only the rest
    Returns how many periods were swept.
    """

    def __init__(self, payments: PaymentRepository, ledger: QuotaLedger, policy: BillingPolicy,
                 tx: TransactionManager, clock: Clock) -> None:
        self._payments, self._ledger, self._policy = payments, ledger, policy
        self._tx, self._clock = tx, clock

    async def __call__(self) -> int:
        swept = 0
        for due in await self._payments.expiring(self._clock.now(), BATCH):
            payment = await self._payments.lock(due.id)
            if payment is None or payment.expired_credits is not None or payment.user_id is None:
                await self._tx.rollback()
                continue
            await self._sweep(payment)
            await self._tx.commit()
            swept += 1
        await self._tx.rollback()
        return swept

    async def _sweep(self, payment: Payment) -> None:
        assert payment.user_id is not None
        now = self._clock.now()
        left = unused(payment, list(await self._ledger.entries(payment.user_id)))
        details = {"payment_id": str(payment.id), "plan_id": payment.pack_id,
                   "invoice": payment.invoice_ref}
        if self._policy.rolls_over(payment.pack_id):
            await self._ledger.grant(payment.user_id, 0, LedgerReason.ROLLOVER, now,
                                     details={**details, "carried": left})
            await self._payments.save(payment.with_expired(0, now))
            return
        balance = await self._ledger.balance(payment.user_id, now, _NO_LIMITS)
        expired = max(0, min(left, balance.credits - balance.reserved))
        await self._ledger.grant(payment.user_id, -expired, LedgerReason.EXPIRY, now,
                                 details={**details, "unused": left})
        await self._payments.save(payment.with_expired(expired, now))
