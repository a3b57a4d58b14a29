from application.generation.policy import GenerationPolicy
from domain.ids import UserId
from domain.ports.quota import QuotaLedger
from domain.ports.system import Clock
from domain.quota import Balance


class GetBalance:
    """The signed-in user's credits, what is held for calls in flight, and today's usage
    against the daily limit (which resets at the next UTC midnight)."""

    def __init__(self, ledger: QuotaLedger, clock: Clock, policy: GenerationPolicy) -> None:
        self._ledger, self._clock, self._policy = ledger, clock, policy

    async def __call__(self, user_id: UserId) -> Balance:
        return await self._ledger.balance(user_id, self._clock.now(), self._policy.limits)
