"""Reservations as the in-memory ledger stores them, and the sums it reads from them."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from domain.ids import UserId
from domain.quota import LedgerEntry, QuotaUsage, Reservation


class HoldState(StrEnum):
    HELD = "held"
    SETTLED = "settled"
    RELEASED = "released"
    EXPIRED = "expired"


@dataclass(frozen=True, slots=True)
class Hold:
    reservation: Reservation
    state: HoldState = HoldState.HELD
    charged: int = 0

    @property
    def held(self) -> int:
        return self.reservation.tokens if self.state is HoldState.HELD else 0

    @property
    def counted(self) -> int:
        """What it counts against the daily limits of its day."""
        return self.held + self.charged


def usage_of(user_id: UserId, day: date, holds: Sequence[Hold],
             entries: Sequence[LedgerEntry]) -> QuotaUsage:
    """What `user_id` and the service hold and have used on `day`."""
    mine = [hold for hold in holds if hold.reservation.user_id == user_id]
    mine_today = [hold for hold in mine if hold.reservation.day == day]
    today = [hold for hold in holds if hold.reservation.day == day]
    return QuotaUsage(credits=sum(entry.delta for entry in entries if entry.user_id == user_id),
                      reserved=sum(hold.held for hold in mine),
                      used_today=sum(hold.charged for hold in mine_today),
                      reserved_today=sum(hold.held for hold in mine_today),
                      global_used_today=sum(hold.charged for hold in today),
                      global_reserved_today=sum(hold.held for hold in today))
