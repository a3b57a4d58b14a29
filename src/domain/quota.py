"""Token quotas: what a model call may spend, checked before anything is sent to the model."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from typing import Any

from domain.errors import DomainError
from domain.ids import LedgerEntryId, ReservationId, UserId

RESERVATION_TTL = timedelta(minutes=15)


def day_of(now: datetime) -> date:
    """The quota day (UTC) that `now` falls in."""
    return now.astimezone(UTC).date()


def resets_at(now: datetime) -> datetime:
    """When the daily limits of `now`'s day start over: the next UTC midnight."""
    return datetime.combine(day_of(now) + timedelta(days=1), time.min, tzinfo=UTC)


class LimitKind(StrEnum):
    CREDITS = "credits"
    DAILY = "daily"
    GLOBAL_DAILY = "global_daily"


class QuotaExceeded(DomainError):
    """A model call does not fit; `limit` says which limit, `resets_at` when it frees up
    (None for credits, which only a top-up restores)."""

    default_message = "This request does not fit your token quota."

    def __init__(self, message: str | None = None, *, limit: LimitKind,
                 resets_at: datetime | None = None) -> None:
        super().__init__(message)
        self.limit, self.resets_at = limit, resets_at


class InsufficientCredits(QuotaExceeded):
    default_message = "Not enough credits for this request; buy a credit pack to continue."


class DailyLimitReached(QuotaExceeded):
    default_message = "Your daily token limit is reached."


class ServiceDailyLimitReached(QuotaExceeded):
    default_message = "The service's daily token limit is reached."


@dataclass(frozen=True, slots=True, kw_only=True)
class QuotaLimits:
    daily_tokens: int
    global_daily_tokens: int


@dataclass(frozen=True, slots=True, kw_only=True)
class QuotaUsage:
    """What a user and the service hold and have used, as read inside one atomic step."""

    credits: int
    reserved: int
    used_today: int
    reserved_today: int
    global_used_today: int
    global_reserved_today: int


def check_reservation(tokens: int, usage: QuotaUsage, limits: QuotaLimits,
                      now: datetime) -> None:
    """Raise the QuotaExceeded of the first limit that `tokens` more would break."""
    if tokens <= 0:
        raise ValueError("a reservation holds a positive number of tokens")
    if usage.credits - usage.reserved < tokens:
        raise InsufficientCredits(
            f"Not enough credits: {max(0, usage.credits - usage.reserved)} available, "
            f"{tokens} needed. Buy a credit pack to continue.", limit=LimitKind.CREDITS)
    reset = resets_at(now)
    if usage.used_today + usage.reserved_today + tokens > limits.daily_tokens:
        raise DailyLimitReached(
            f"Your daily limit of {limits.daily_tokens} tokens is reached; "
            f"it resets at {reset.isoformat().replace('+00:00', 'Z')}.",
            limit=LimitKind.DAILY, resets_at=reset)
    if (usage.global_used_today + usage.global_reserved_today + tokens
            > limits.global_daily_tokens):
        raise ServiceDailyLimitReached(
            "The service's daily token limit is reached; it resets at "
            f"{reset.isoformat().replace('+00:00', 'Z')}.",
            limit=LimitKind.GLOBAL_DAILY, resets_at=reset)


@dataclass(frozen=True, slots=True, kw_only=True)
class Reservation:
    """Tokens held for one model call until it is settled, released or expires."""

    id: ReservationId
    user_id: UserId
    tokens: int
    day: date
    created_at: datetime
    expires_at: datetime


@dataclass(frozen=True, slots=True, kw_only=True)
class Usage:
    """What a model call really used, as reported by the model server."""

    model: str
    prompt_tokens: int
    completion_tokens: int
    latency_ms: int

    @property
    def total_tokens(self) -> int:
        return self.prompt_tokens + self.completion_tokens


class LedgerReason(StrEnum):
    SIGNUP = "signup"
    USAGE = "usage"
    GRANT = "grant"
    PURCHASE = "purchase"
    REFUND = "refund"
    SUBSCRIPTION = "subscription"  # a paid period of a plan
    EXPIRY = "expiry"  # a period's unused credits, on a plan without rollover
    ROLLOVER = "rollover"  # zero: a period's unused credits carried into the next


@dataclass(frozen=True, slots=True, kw_only=True)
class LedgerEntry:
    """One append-only change to a user's credits; the balance is the sum of the deltas."""

    id: LedgerEntryId
    user_id: UserId
    delta: int
    reason: LedgerReason
    at: datetime
    reservation_id: ReservationId | None = None
    details: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True, kw_only=True)
class Balance:
    credits: int
    reserved: int
    daily_limit: int
    used_today: int
    resets_at: datetime
