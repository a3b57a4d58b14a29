from dataclasses import dataclass
from datetime import timedelta

from domain.outbox import FIRST_RETRY


@dataclass(frozen=True, slots=True, kw_only=True)
class OutboxPolicy:
    """The configurable side of delivering e-mail, set by the operator: a message the mail
    server did not take is tried again after `first_retry`, then after twice as long each
    time (`OutboxMessage.failed`)."""

    first_retry: timedelta = FIRST_RETRY
