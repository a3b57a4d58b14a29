from collections.abc import Awaitable, Callable

from application.generation.policy import GenerationPolicy
from domain.ids import UserId
from domain.ports.language_model import LanguageModel, Prompt
from domain.ports.quota import QuotaLedger
from domain.ports.system import Clock
from domain.ports.transactions import TransactionManager
from domain.quota import Reservation

OnHold = Callable[[Reservation], Awaitable[None]]


class MeteredModel:
    """Holds a call's maximum cost before the model is asked.

    The reservation is committed at once, so that every other request, in any process, sees
    it; a call that does not fit raises QuotaExceeded before anything reaches the model.
    """

    def __init__(self, model: LanguageModel, ledger: QuotaLedger, tx: TransactionManager,
                 clock: Clock, policy: GenerationPolicy) -> None:
        self.model, self._ledger, self._tx, self._clock = model, ledger, tx, clock
        self._policy = policy

    async def reserve(self, user_id: UserId, prompt: Prompt, max_tokens: int,
                      attempts: int = 1, on_hold: OnHold | None = None) -> Reservation:
        """Hold what `attempts` calls of `prompt` can cost at most. `on_hold` may stage
        writes that must commit with the reservation (a job noting what it holds)."""
        tokens = (self.model.estimate_tokens(prompt) + max_tokens) * attempts
        reservation = await self._ledger.reserve(user_id, tokens, self._clock.now(),
                                                 self._policy.limits,
                                                 ttl_s=self._policy.reservation_ttl_s)
        if on_hold is not None:
            await on_hold(reservation)
        await self._tx.commit()
        return reservation

    async def abandon(self, reservation: Reservation) -> None:
        """Give the tokens back after a call that failed; nothing is charged."""
        await self._tx.rollback()
        await self._ledger.release(reservation.id, self._clock.now())
        await self._tx.commit()
