from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Executable, bindparam, delete, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from adapters.sql.execution import execute
from adapters.sql.tables import idempotency_keys
from domain.idempotency import (
    KEY_LIFETIME,
    IdempotencyRecord,
    StoredResponse,
)
from domain.ids import UserId
from domain.ports.idempotency import IdempotencyStore

_k = idempotency_keys.c
_THIS_KEY = (_k.user_id == bindparam("owner")) & (_k.key == bindparam("idempotency_key"))
_NO_RESPONSE = {"response_status": None, "response_body": None, "response_content_type": None}


def _claim(upsert: Callable[..., Any]) -> Executable:
    """Inserts the key, or takes over its expired row; returns a row only when it claimed.
    A row it did not take stays locked until the transaction ends (on PostgreSQL the
    conflict locks it; on SQLite the statement holds the database's write lock)."""
    statement = upsert(idempotency_keys).values(
        user_id=bindparam("owner"), key=bindparam("idempotency_key"),
        request_hash=bindparam("fingerprint"), created_at=bindparam("now"))
    return statement.on_conflict_do_update(  # type: ignore[no-any-return]
        index_elements=[_k.user_id, _k.key],
        set_={"request_hash": statement.excluded.request_hash,
              "created_at": statement.excluded.created_at, **_NO_RESPONSE},
        where=_k.created_at <= bindparam("expired_by")).returning(_k.created_at)


_CLAIM = {"postgresql": _claim(postgresql.insert), "sqlite": _claim(sqlite.insert)}
_FIND = select(_k.request_hash, _k.response_status, _k.response_body,
               _k.response_content_type).where(_THIS_KEY)
_COMPLETE = update(idempotency_keys).where(_THIS_KEY).values(
    response_status=bindparam("status"), response_body=bindparam("body"),
    response_content_type=bindparam("content_type"))
_ABANDON = delete(idempotency_keys).where(_THIS_KEY)
_PURGE = delete(idempotency_keys).where(_k.created_at <= bindparam("expired_by"))


class SqlIdempotencyStore(IdempotencyStore):
    """Keys in `idempotency_keys`, one row per user and key; a row without a response is a
    request in progress.

    `begin` is one upsert: it inserts the key, or replaces the row once it has expired. On
    PostgreSQL an upsert of a key another transaction has inserted and not yet committed
    waits for that transaction, then decides on what it left (in use, a response to replay,
    or nothing: then it claims); on SQLite writers take turns. The constraint it relies on is
    the primary key, so it never fails with an IntegrityError of its own.
    """

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def begin(self, user_id: UserId, key: str, request_hash: str, now: datetime,
                    lifetime: timedelta = KEY_LIFETIME) -> StoredResponse | None:
        claim = _CLAIM[self._session.get_bind().dialect.name]
        claimed = await execute(self._session, claim, {
            "owner": user_id, "idempotency_key": key, "fingerprint": request_hash,
            "now": now, "expired_by": now - lifetime})
        if claimed.one_or_none() is not None:
            return None
        row = (await execute(self._session, _FIND, self._key(user_id, key))).one()
        response = None if row.response_status is None else StoredResponse(
            status=row.response_status, body=row.response_body,
            content_type=row.response_content_type)
        return IdempotencyRecord(request_hash=row.request_hash,
                                 response=response).replay(request_hash)

    async def complete(self, user_id: UserId, key: str, response: StoredResponse) -> None:
        await execute(self._session, _COMPLETE, {
            **self._key(user_id, key), "status": response.status, "body": response.body,
            "content_type": response.content_type})

    async def abandon(self, user_id: UserId, key: str) -> None:
        await execute(self._session, _ABANDON, self._key(user_id, key))

    async def purge_expired(self, now: datetime, lifetime: timedelta = KEY_LIFETIME) -> int:
        return (await execute(self._session, _PURGE, {"expired_by": now - lifetime})).rowcount

    @staticmethod
    def _key(user_id: UserId, key: str) -> dict[str, Any]:
        return {"owner": user_id, "idempotency_key": key}
