from dataclasses import dataclass

from application.admin.access import require_admin
from application.audit_trail import AuditTrail
from application.generation.policy import GenerationPolicy
from domain.errors import InvalidInput
from domain.ids import UserId
from domain.ports.quota import QuotaLedger
from domain.ports.system import Clock
from domain.ports.transactions import TransactionManager
from domain.ports.users import UserRepository
from domain.quota import Balance, LedgerReason
from domain.users import User

MAX_ADJUSTMENT = 1_000_000_000


@dataclass(frozen=True, slots=True, kw_only=True)
class CreditAdjustment:
    user_id: UserId
    amount: int
    reason: str


class AdjustCredits:
    """An admin grants (positive amount) or removes (negative) credits by hand.

    - only admins may; others get PermissionDenied
    - the amount is non-zero and at most a billion either way; a reason is required
    - the change is a ledger entry with the reason and the admin, and an audit entry
    - removing may take the balance below zero (generation then waits for a top-up)
    """

    def __init__(self, users: UserRepository, ledger: QuotaLedger, audit: AuditTrail,
                 policy: GenerationPolicy, tx: TransactionManager, clock: Clock) -> None:
        self._users, self._ledger, self._audit = users, ledger, audit
        self._policy, self._tx, self._clock = policy, tx, clock

    async def __call__(self, actor: User, change: CreditAdjustment,
                       ip: str | None = None) -> Balance:
        require_admin(actor, "change credits")
        if change.amount == 0 or abs(change.amount) > MAX_ADJUSTMENT:
            raise InvalidInput(f"amount must be non-zero and at most {MAX_ADJUSTMENT:,} either "
                               "way", field="amount")
        reason = change.reason.strip()
        if not 1 <= len(reason) <= 500:
            raise InvalidInput("reason must be 1 to 500 characters", field="reason")
        user = await self._users.get(change.user_id)
        now = self._clock.now()
        await self._ledger.grant(user.id, change.amount, LedgerReason.GRANT, now,
                                 details={"reason": reason, "by": str(actor.id)})
        await self._audit.record("admin.credits_adjusted", actor=actor.id,
                                 target=f"user:{user.id}", ip=ip, amount=change.amount,
                                 reason=reason)
        await self._tx.commit()
        return await self._ledger.balance(user.id, now, self._policy.limits)
