from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from domain.ids import AuditEntryId, UserId


@dataclass(frozen=True, slots=True, kw_only=True)
class AuditEntry:
    """One security or admin event. Entries are only ever appended."""

    id: AuditEntryId
    at: datetime
    actor_id: UserId | None
    action: str
    target: str | None = None
    ip: str | None = None
    details: dict[str, Any] = field(default_factory=dict)


def targets_naming(user_id: UserId) -> tuple[str, ...]:
    """Every way an entry's `target` names a user: their bare id, or `user:<id>` (admin
    actions)."""
    return str(user_id), f"user:{user_id}"
