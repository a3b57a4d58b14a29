from collections.abc import Sequence
from typing import Any

from sqlalchemy import Row, bindparam, insert, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from adapters.sql.execution import execute
from adapters.sql.paging import PagedQuery
from adapters.sql.tables import audit_log
from domain.audit import AuditEntry, targets_naming
from domain.ids import AuditEntryId, UserId
from domain.pages import Page, PageRequest
from domain.ports.audit import AuditLog


def _entry(row: Row[Any]) -> AuditEntry:
    actor = None if row.actor_id is None else UserId(row.actor_id)
    return AuditEntry(id=AuditEntryId(row.id), at=row.at, actor_id=actor, action=row.action,
                      target=row.target, ip=row.ip, details=row.details)


_INSERT = insert(audit_log)
_NEWEST_FIRST = PagedQuery(
    select(audit_log).order_by(audit_log.c.at.desc(), audit_log.c.id.desc()), _entry)
_CONCERNING = (select(audit_log)
               .where(or_(audit_log.c.actor_id == bindparam("actor"),
                          audit_log.c.target.in_(bindparam("targets", expanding=True))))
               .order_by(audit_log.c.at, audit_log.c.id))
_ANONYMISE = (update(audit_log).where(audit_log.c.actor_id == bindparam("actor"))
              .values(actor_id=None))


class SqlAuditLog(AuditLog):
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def record(self, entry: AuditEntry) -> None:
        await execute(self._session, _INSERT, {
            "id": entry.id, "at": entry.at, "actor_id": entry.actor_id, "action": entry.action,
            "target": entry.target, "ip": entry.ip, "details": entry.details})

    async def list(self, page: PageRequest) -> Page[AuditEntry]:
        return await _NEWEST_FIRST.fetch(self._session, page)

    async def anonymise_actor(self, actor_id: UserId) -> None:
        await execute(self._session, _ANONYMISE, {"actor": actor_id})

    async def concerning(self, user_id: UserId) -> Sequence[AuditEntry]:
        rows = await execute(self._session, _CONCERNING,
                             {"actor": user_id, "targets": list(targets_naming(user_id))})
        return [_entry(row) for row in rows]
