from abc import abstractmethod
from datetime import datetime, timedelta
from typing import Protocol

from domain.idempotency import KEY_LIFETIME, StoredResponse
from domain.ids import UserId


class IdempotencyStore(Protocol):
    """Idempotency keys, scoped per user. Each call runs in the caller's transaction; the
    caller commits `begin` before doing the work, so concurrent requests see the key.

    - `begin` claims `key` for a request whose fingerprint is `request_hash` and returns
      None; when the key is known it returns the stored response of the same request to
      replay, raises IdempotencyKeyInUse while that request is still in progress, and
      IdempotencyKeyReused when the key came with a different request. A concurrent `begin`
      of the same key by another transaction ends in IdempotencyKeyInUse. Keys of other
      users never match. A key older than `lifetime` counts as unused.
    - `complete` stores the response for the key; `abandon` forgets the key (the work
      failed and may be tried again with it).
    - `purge_expired` deletes keys older than the lifetime; returns how many.
    """

    @abstractmethod
    async def begin(self, user_id: UserId, key: str, request_hash: str, now: datetime,
                    lifetime: timedelta = KEY_LIFETIME) -> StoredResponse | None: ...

    @abstractmethod
    async def complete(self, user_id: UserId, key: str, response: StoredResponse) -> None: ...

    @abstractmethod
    async def abandon(self, user_id: UserId, key: str) -> None: ...

    @abstractmethod
    async def purge_expired(self, now: datetime,
                            lifetime: timedelta = KEY_LIFETIME) -> int: ...
