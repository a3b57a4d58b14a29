from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from application.generation.policy import GenerationPolicy
from domain.ids import UserId
from domain.ports.language_model import Completion, LanguageModel, Prompt
from domain.ports.quota import QuotaLedger
from domain.ports.system import Clock
from domain.ports.transactions import TransactionManager
from domain.quota import Reservation, Usage


class Holder(Protocol):
    """Who notes a reservation while its call is in flight (a job, so that whoever takes it
    over can release it). `lock` runs before the quota rows are locked, `hold` after the
    reservation is made, both in the reservation's transaction: one lock order for all."""

    async def lock(self) -> None: ...

    async def hold(self, reservation: Reservation) -> None: ...


@dataclass(frozen=True, slots=True, kw_only=True)
class Spent:
    """A model call that answered: its reservation, to be settled at its usage."""

    reservation: Reservation
    usage: Usage


def total_tokens(spent: Sequence[Spent]) -> int:
    return sum(s.usage.total_tokens for s in spent)


def reservation_size(model: LanguageModel, prompt: Prompt, max_tokens: int,
                     attempts: int = 1) -> int:
    """What `attempts` calls of `prompt` can cost at most: what a call reserves."""
    return (model.estimate_tokens(prompt) + max_tokens) * attempts


class MeteredModel:
    """Holds a call's maximum cost before the model is asked.

    The reservation is committed at once, so that every other request, in any process, sees
    it; a call that does not fit raises QuotaExceeded before anything reaches the model. A
    call that fails is released, never charged; one that answers is settled by the caller,
    in the transaction that saves what it wrote (or released, should that step fail).
    """

    def __init__(self, model: LanguageModel, ledger: QuotaLedger, tx: TransactionManager,
                 clock: Clock, policy: GenerationPolicy) -> None:
        self.model, self._ledger, self._tx, self._clock = model, ledger, tx, clock
        self._policy = policy

    async def reserve(self, user_id: UserId, prompt: Prompt, max_tokens: int,
                      attempts: int = 1, holder: Holder | None = None) -> Reservation:
        """Hold what `attempts` calls of `prompt` can cost at most."""
        tokens = reservation_size(self.model, prompt, max_tokens, attempts)
        try:
            if holder is not None:
                await holder.lock()
            reservation = await self._ledger.reserve(user_id, tokens, self._clock.now(),
                                                     self._policy.limits,
                                                     ttl_s=self._policy.reservation_ttl_s)
            if holder is not None:
                await holder.hold(reservation)
            await self._tx.commit()
        except BaseException:  # a refusal (QuotaExceeded) must not keep the job row locked
            await self._tx.rollback()
            raise
        return reservation

    def most(self, prompt: Prompt, max_tokens: int, *, structured: bool = False,
             attempts: int | None = None) -> int:
        """What `complete` (or, `structured`, `complete_json`) of `prompt` reserves."""
        asks = self._json_attempts(attempts) if structured else 1
        return reservation_size(self.model, prompt, max_tokens, asks)

    async def complete(self, user_id: UserId, prompt: Prompt, max_tokens: int,
                       holder: Holder | None = None) -> tuple[Completion, Spent]:
        reservation = await self.reserve(user_id, prompt, max_tokens, holder=holder)
        try:
            completion = await self.model.complete(prompt, max_tokens=max_tokens)
        except BaseException:
            await self.abandon(reservation)
            raise
        return completion, Spent(reservation=reservation, usage=completion.usage)

    async def complete_json(self, user_id: UserId, prompt: Prompt, *, schema: dict[str, Any],
                            schema_name: str, max_tokens: int, holder: Holder | None = None,
                            attempts: int | None = None) -> tuple[dict[str, Any], Spent]:
        """`attempts` (at most the model's `json_attempts`, which is the default) bounds how
        many times the model is asked, and so what is held."""
        asks = self._json_attempts(attempts)
        reservation = await self.reserve(user_id, prompt, max_tokens, attempts=asks,
                                         holder=holder)
        try:
            answer, completion = await self.model.complete_json(
                prompt, schema=schema, schema_name=schema_name, max_tokens=max_tokens,
                attempts=asks)
        except BaseException:
            await self.abandon(reservation)
            raise
        return answer, Spent(reservation=reservation, usage=completion.usage)

    def _json_attempts(self, attempts: int | None) -> int:
        return min(attempts or self.model.json_attempts, self.model.json_attempts)

    async def abandon(self, reservation: Reservation) -> None:
        """Give the tokens back after a call that failed; nothing is charged."""
        await self._tx.rollback()
        await self._ledger.release(reservation.id, self._clock.now())
        await self._tx.commit()

    async def abandon_all(self, spent: Sequence[Spent]) -> None:
        """Give back what a step that failed after some answers held: a failed step is
        charged nothing."""
        await self._tx.rollback()
        for call in spent:
            await self._ledger.release(call.reservation.id, self._clock.now())
        await self._tx.commit()

    async def settle(self, spent: Sequence[Spent]) -> None:
        """Settle answered calls in the caller's transaction (it commits)."""
        for call in spent:
            await self._ledger.settle(call.reservation.id, call.usage, self._clock.now())
