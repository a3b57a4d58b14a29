from typing import Any

from domain.audit import AuditEntry
from domain.ids import AuditEntryId, UserId
from domain.ports.audit import AuditLog
from domain.ports.system import Clock, IdGenerator


class AuditTrail:
    """Writes audit entries in the caller's transaction, stamped with an id and the time."""

    def __init__(self, log: AuditLog, clock: Clock, ids: IdGenerator) -> None:
        self._log, self._clock, self._ids = log, clock, ids

    async def record(self, action: str, *, actor: UserId | None, target: str | None = None,
                     ip: str | None = None, **details: Any) -> None:
        await self._log.record(AuditEntry(id=AuditEntryId(self._ids.new_id()),
                                          at=self._clock.now(), actor_id=actor, action=action,
                                          target=target, ip=ip, details=details))
