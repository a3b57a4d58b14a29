"""Whether the most a generation may reserve fits what the caller has left, and the refusal
of a job that does not."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from domain.quota import (
    Balance,
    DailyLimitReached,
    InsufficientCredits,
    LimitKind,
    QuotaExceeded,
    QuotaLimits,
    ServiceDailyLimitReached,
    resets_at,
)


@dataclass(frozen=True, slots=True, kw_only=True)
class Room:
    """What the caller may still reserve, by limit, as read at one moment."""

    credits: int
    daily: int
    service: int

    @classmethod
    def of(cls, balance: Balance, service_used_today: int, limits: QuotaLimits) -> Room:
        return cls(credits=balance.credits - balance.reserved,
                   daily=balance.daily_limit - balance.used_today,
                   service=limits.global_daily_tokens - service_used_today)

    def broken_by(self, tokens: int) -> LimitKind | None:
        """The first limit `tokens` more would break (credits, then the caller's day, then
        the service's), as a reservation checks them; None when they fit."""
        if tokens <= 0:
            return None
        for limit, left in ((LimitKind.CREDITS, self.credits), (LimitKind.DAILY, self.daily),
                            (LimitKind.GLOBAL_DAILY, self.service)):
            if tokens > left:
                return limit
        return None


@dataclass(frozen=True, slots=True, kw_only=True)
class Estimate:
    """The most a generation would reserve in all, and the limit it breaks (None: it fits)."""

    sections_to_write: int
    max_tokens: int
    limit: LimitKind | None

    @property
    def fits(self) -> bool:
        return self.limit is None


class GenerationDoesNotFit(QuotaExceeded):
    """A whole generation refused before it starts: its estimate breaks `limit`."""

    def __init__(self, message: str, *, estimate: Estimate, limit: LimitKind,
                 resets_at: datetime | None = None) -> None:
        super().__init__(message, limit=limit, resets_at=resets_at)
        self.estimate = estimate


class CreditsDoNotCoverGeneration(GenerationDoesNotFit, InsufficientCredits):
    pass


class DailyLimitDoesNotCoverGeneration(GenerationDoesNotFit, DailyLimitReached):
    pass


class ServiceLimitDoesNotCoverGeneration(GenerationDoesNotFit, ServiceDailyLimitReached):
    pass


def refusal(estimate: Estimate, room: Room, now: datetime) -> GenerationDoesNotFit:
    """Why a generation whose estimate does not fit is refused, in words."""
    needed = (f"This generation ({_sections(estimate.sections_to_write)}) may reserve up "
              f"to {estimate.max_tokens:,} tokens")
    advice = "choose fewer sections, or ask for a partial job that writes what fits"
    reset = resets_at(now)
    at = reset.isoformat().replace("+00:00", "Z")
    if estimate.limit is LimitKind.CREDITS:
        return CreditsDoNotCoverGeneration(
            f"{needed}; you have {max(0, room.credits):,} credits available. Buy a credit "
            f"pack, {advice}.", estimate=estimate, limit=LimitKind.CREDITS)
    if estimate.limit is LimitKind.DAILY:
        return DailyLimitDoesNotCoverGeneration(
            f"{needed}; your daily limit leaves {max(0, room.daily):,} today (it resets at "
            f"{at}). Wait, {advice}.", estimate=estimate, limit=LimitKind.DAILY,
            resets_at=reset)
    return ServiceLimitDoesNotCoverGeneration(
        f"{needed}; the service's daily limit leaves {max(0, room.service):,} today (it "
        f"resets at {at}). Wait, {advice}.", estimate=estimate,
        limit=LimitKind.GLOBAL_DAILY, resets_at=reset)


def _sections(count: int) -> str:
    return f"{count} section{'s' if count != 1 else ''}"
