from collections.abc import Sequence
from dataclasses import replace

from adapters.memory.database import AUDIT_LOG
from adapters.memory.pages import page_of
from adapters.memory.transactions import InMemoryTransactionManager
from domain.audit import AuditEntry, targets_naming
from domain.ids import UserId
from domain.pages import Page, PageRequest
from domain.ports.audit import AuditLog


class InMemoryAuditLog(AuditLog):
    def __init__(self, tx: InMemoryTransactionManager) -> None:
        self._tx = tx

    async def record(self, entry: AuditEntry) -> None:
        self._tx.put(AUDIT_LOG, entry.id, entry)

    async def list(self, page: PageRequest) -> Page[AuditEntry]:
        return page_of(self._tx.rows(AUDIT_LOG), page, newest_first=True,
                       key=lambda entry: (entry.at, entry.id))

    async def anonymise_actor(self, actor_id: UserId) -> None:
        entries: list[AuditEntry] = self._tx.rows(AUDIT_LOG)
        for entry in entries:
            if entry.actor_id == actor_id:
                self._tx.put(AUDIT_LOG, entry.id, replace(entry, actor_id=None))

    async def concerning(self, user_id: UserId) -> Sequence[AuditEntry]:
        targets = targets_naming(user_id)
        entries: list[AuditEntry] = self._tx.rows(AUDIT_LOG)
        return sorted((entry for entry in entries
                       if entry.actor_id == user_id or entry.target in targets),
                      key=lambda entry: (entry.at, entry.id))
