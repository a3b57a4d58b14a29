from datetime import datetime
from typing import Any

from sqlalchemy import Row, bindparam, delete, insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from adapters.sql.execution import execute
from adapters.sql.tables import magic_links
from domain.errors import InvalidMagicLink
from domain.ids import MagicLinkId
from domain.magic_links import MagicLink
from domain.ports.magic_links import MagicLinkRepository
from domain.users import Email

_c = magic_links.c
_INSERT = insert(magic_links)
_BY_DIGEST = select(magic_links).where(_c.token_digest == bindparam("digest"))
_MARK_USED = update(magic_links).where(_c.id == bindparam("link_id"), _c.used_at.is_(None))
_DELETE_EXPIRED = delete(magic_links).where(_c.expires_at < bindparam("now"))


class SqlMagicLinkRepository(MagicLinkRepository):
    """`mark_used` is a conditional UPDATE: of two racing requests only one changes the row."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def add(self, link: MagicLink) -> None:
        await execute(self._session, _INSERT, {
            "id": link.id, "email": link.email.value, "token_digest": link.token_digest,
            "created_at": link.created_at, "expires_at": link.expires_at,
            "used_at": link.used_at})

    async def find(self, token_digest: str) -> MagicLink | None:
        row = (await execute(self._session, _BY_DIGEST, {"digest": token_digest})).one_or_none()
        return None if row is None else _link(row)

    async def mark_used(self, link: MagicLink) -> None:
        parameters = {"link_id": link.id, "used_at": link.used_at}
        if (await execute(self._session, _MARK_USED, parameters)).rowcount == 0:
            raise InvalidMagicLink

    async def delete_expired(self, now: datetime) -> int:
        return (await execute(self._session, _DELETE_EXPIRED, {"now": now})).rowcount


def _link(row: Row[Any]) -> MagicLink:
    return MagicLink(id=MagicLinkId(row.id), email=Email(row.email),
                     token_digest=row.token_digest, created_at=row.created_at,
                     expires_at=row.expires_at, used_at=row.used_at)
