from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Row, bindparam, delete, insert, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from adapters.sql.execution import execute
from adapters.sql.tables import refresh_tokens, session_families
from domain.errors import NotAuthenticated
from domain.ids import SessionFamilyId, UserId
from domain.ports.sessions import SessionRepository
from domain.sessions import SessionFamily

_f, _t = session_families.c, refresh_tokens.c
_INSERT_FAMILY = insert(session_families)
_INSERT_TOKEN = insert(refresh_tokens)
_BY_TOKEN = (select(session_families).join(refresh_tokens, _t.family_id == _f.id)
             .where(_t.digest == bindparam("digest")))
_SAVE_IF_CURRENT = update(session_families).where(
    _f.id == bindparam("family_id"), _f.current_digest == bindparam("previous_digest"))
_REVOKE_ALL = (update(session_families)
               .where(_f.user_id == bindparam("user"), _f.revoked_at.is_(None),
                      _f.expires_at > bindparam("now"))
               .values(revoked_at=bindparam("now")))
_OF_USER = (select(session_families).where(_f.user_id == bindparam("user"))
            .order_by(_f.created_at, _f.id))
_DELETE_ENDED = delete(session_families).where(
    or_(_f.revoked_at < bindparam("now"), _f.expires_at < bindparam("now")))


class SqlSessionRepository(SessionRepository):
    """Families in `session_families`; every digest a family issued in `refresh_tokens`.
    `save` is a conditional UPDATE on the current digest, so one of two racing rotations
    changes nothing and is refused."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def add(self, family: SessionFamily) -> None:
        await execute(self._session, _INSERT_FAMILY, {
            **_changing(family), "id": family.id, "user_id": family.user_id,
            "created_at": family.created_at, "mfa": family.mfa})
        await self._issue(family)

    async def find_by_token(self, token_digest: str) -> SessionFamily | None:
        row = (await execute(self._session, _BY_TOKEN, {"digest": token_digest})).one_or_none()
        return None if row is None else _family(row)

    async def save(self, family: SessionFamily, *, previous_digest: str) -> None:
        parameters = {**_changing(family), "family_id": family.id,
                      "previous_digest": previous_digest}
        if (await execute(self._session, _SAVE_IF_CURRENT, parameters)).rowcount == 0:
            raise NotAuthenticated("The session changed meanwhile; sign in again.")
        if family.current_digest != previous_digest:
            await self._issue(family)

    async def revoke_all(self, user_id: UserId, now: datetime) -> int:
        result = await execute(self._session, _REVOKE_ALL, {"user": user_id, "now": now})
        return result.rowcount

    async def delete_ended(self, now: datetime) -> int:
        return (await execute(self._session, _DELETE_ENDED, {"now": now})).rowcount

    async def all_of(self, user_id: UserId) -> Sequence[SessionFamily]:
        return [_family(row) for row in await execute(self._session, _OF_USER,
                                                      {"user": user_id})]

    async def _issue(self, family: SessionFamily) -> None:
        await execute(self._session, _INSERT_TOKEN, {
            "digest": family.current_digest, "family_id": family.id,
            "issued_at": family.rotated_at})


def _changing(family: SessionFamily) -> dict[str, Any]:
    return {"current_digest": family.current_digest, "expires_at": family.expires_at,
            "rotated_at": family.rotated_at, "revoked_at": family.revoked_at}


def _family(row: Row[Any]) -> SessionFamily:
    return SessionFamily(id=SessionFamilyId(row.id), user_id=UserId(row.user_id),
                         current_digest=row.current_digest, created_at=row.created_at,
                         expires_at=row.expires_at, rotated_at=row.rotated_at,
                         revoked_at=row.revoked_at, mfa=row.mfa)
