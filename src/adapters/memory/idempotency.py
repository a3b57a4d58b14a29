from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from adapters.memory.database import IDEMPOTENCY_KEYS
from adapters.memory.transactions import InMemoryTransactionManager
from domain.idempotency import (
    KEY_LIFETIME,
    IdempotencyRecord,
    StoredResponse,
)
from domain.ids import UserId
from domain.ports.idempotency import IdempotencyStore


@dataclass(frozen=True, slots=True, kw_only=True)
class _Claim:
    user_id: UserId
    key: str
    request_hash: str
    created_at: datetime
    response: StoredResponse | None = None

    def expired(self, now: datetime, lifetime: timedelta) -> bool:
        return self.created_at <= now - lifetime


class InMemoryIdempotencyStore(IdempotencyStore):
    """Claims as rows keyed by user and key.

    Like the SQL adapter's row locks, claiming a key, `complete` and `abandon` take the key's
    row, waiting (up to 10 s) for another transaction that holds it to end; so a
    `begin` racing a claim not yet committed decides on what that claim left behind: in use
    once it commits, free once it rolls back. A `begin` that finds the key taken decides at
    once and leaves the row alone. `purge_expired` skips keys another transaction holds:
    that one is claiming them anew.
    """

    def __init__(self, tx: InMemoryTransactionManager) -> None:
        self._tx = tx

    async def begin(self, user_id: UserId, key: str, request_hash: str, now: datetime,
                    lifetime: timedelta = KEY_LIFETIME) -> StoredResponse | None:
        claim: _Claim | None = self._tx.get(IDEMPOTENCY_KEYS, (user_id, key))
        if claim is None or claim.expired(now, lifetime):
            claim = await self._held(user_id, key)
            if claim is None or claim.expired(now, lifetime):
                self._tx.put(IDEMPOTENCY_KEYS, (user_id, key),
                             _Claim(user_id=user_id, key=key, request_hash=request_hash,
                                    created_at=now))
                return None
        return IdempotencyRecord(request_hash=claim.request_hash,
                                 response=claim.response).replay(request_hash)

    async def complete(self, user_id: UserId, key: str, response: StoredResponse) -> None:
        claim = await self._held(user_id, key)
        if claim is not None:
            self._tx.put(IDEMPOTENCY_KEYS, (user_id, key), replace(claim, response=response))

    async def abandon(self, user_id: UserId, key: str) -> None:
        if await self._held(user_id, key) is not None:
            self._tx.remove(IDEMPOTENCY_KEYS, (user_id, key))

    async def purge_expired(self, now: datetime, lifetime: timedelta = KEY_LIFETIME) -> int:
        claims: list[_Claim] = self._tx.rows(IDEMPOTENCY_KEYS)
        expired = [(claim.user_id, claim.key) for claim in claims
                   if claim.expired(now, lifetime)
                   and self._tx.lock_row(IDEMPOTENCY_KEYS, (claim.user_id, claim.key))]
        for row_key in expired:
            self._tx.remove(IDEMPOTENCY_KEYS, row_key)
        return len(expired)

    async def _held(self, user_id: UserId, key: str) -> _Claim | None:
        """The key's claim, if any, once its row is locked for this transaction."""
        await self._tx.wait_for_row(IDEMPOTENCY_KEYS, (user_id, key))
        claim: _Claim | None = self._tx.get(IDEMPOTENCY_KEYS, (user_id, key))
        return claim
