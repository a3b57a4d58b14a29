from collections.abc import Awaitable, Callable

from domain.idempotency import StoredResponse
from domain.ids import UserId
from domain.ports.idempotency import IdempotencyStore
from domain.ports.system import Clock
from domain.ports.transactions import TransactionManager


class IdempotentCall:
    """Run `work` at most once per user and Idempotency-Key.

    - the key is claimed and committed before the work starts, so a concurrent request
      with the same key is refused (IdempotencyKeyInUse) instead of doing the work again
    - a repeat of the same request gets the stored response, marked as replayed
    - the same key with a different request is IdempotencyKeyReused
    - when the work fails, the key is forgotten so the client may retry with it
    """

    def __init__(self, store: IdempotencyStore, tx: TransactionManager, clock: Clock) -> None:
        self._store, self._tx, self._clock = store, tx, clock

    async def __call__(self, user_id: UserId, key: str, fingerprint: str,
                       work: Callable[[], Awaitable[StoredResponse]],
                       ) -> tuple[StoredResponse, bool]:
        stored = await self._store.begin(user_id, key, fingerprint, self._clock.now())
        if stored is not None:
            await self._tx.rollback()
            return stored, True
        await self._tx.commit()
        try:
            response = await work()
        except BaseException:
            await self._tx.rollback()
            await self._store.abandon(user_id, key)
            await self._tx.commit()
            raise
        await self._store.complete(user_id, key, response)
        await self._tx.commit()
        return response, False
