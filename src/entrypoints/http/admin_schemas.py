from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID

from msgspec.structs import asdict

from application.admin.get_service_stats import ServiceStats
from domain.audit import AuditEntry
from domain.pages import Page
from domain.ports.admin_queries import UserSummary
from entrypoints.http.auth_schemas import UserOut
from entrypoints.http.schema_base import Strict


class StatsOut(Strict, kw_only=True, frozen=True):
    users: int
    documents: int
    jobs: dict[str, int]
    tokens_today: int
    revenue: dict[str, int]
    mrr: dict[str, int]
    subscribers: dict[str, int]

    @classmethod
    def of(cls, stats: ServiceStats) -> StatsOut:
        return cls(users=stats.users, documents=stats.documents,
                   jobs={state.value: count for state, count in stats.jobs.items()},
                   tokens_today=stats.tokens_today, revenue=dict(stats.revenue),
                   mrr=dict(stats.mrr), subscribers=dict(stats.subscribers))


class AdminUserOut(UserOut, kw_only=True, frozen=True):
    """The body `/api/v1/auth/me` answers, plus the two fields an admin needs."""

    blocked: bool
    credits: int

    @classmethod
    def of_summary(cls, summary: UserSummary) -> AdminUserOut:
        return cls(**asdict(UserOut.of(summary.user)), blocked=summary.user.blocked,
                   credits=summary.credits)


class UserPageOut(Strict, kw_only=True, frozen=True):
    items: list[AdminUserOut]
    total: int

    @classmethod
    def of(cls, page: Page[UserSummary]) -> UserPageOut:
        return cls(items=[AdminUserOut.of_summary(item) for item in page.items],
                   total=page.total)


class AuditEntryOut(Strict, kw_only=True, frozen=True):
    id: UUID
    at: datetime
    actor_id: UUID | None
    action: str
    target: str | None
    ip: str | None
    details: dict[str, Any]

    @classmethod
    def of(cls, entry: AuditEntry) -> AuditEntryOut:
        return cls(id=entry.id, at=entry.at, actor_id=entry.actor_id, action=entry.action,
                   target=entry.target, ip=entry.ip, details=entry.details)


class AuditPageOut(Strict, kw_only=True, frozen=True):
    items: list[AuditEntryOut]
    total: int

    @classmethod
    def of(cls, page: Page[AuditEntry]) -> AuditPageOut:
        return cls(items=[AuditEntryOut.of(entry) for entry in page.items], total=page.total)
