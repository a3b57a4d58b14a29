from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from domain.ids import OutboxMessageId

MAX_DELIVERY_ATTEMPTS = 20
FIRST_RETRY = timedelta(seconds=5)
LONGEST_RETRY = timedelta(minutes=30)


@dataclass(frozen=True, slots=True, kw_only=True)
class EmailMessage:
    to: str
    subject: str
    text: str
    html: str


@dataclass(frozen=True, slots=True, kw_only=True)
class OutboxMessage:
    """An e-mail stored in the same transaction as the change that caused it.

    It is delivered at once when the mail server answers and retried with a growing delay when
    it does not. Once delivered its body is wiped: the store must not keep sign-in links.
    """

    id: OutboxMessageId
    message: EmailMessage
    created_at: datetime
    next_attempt_at: datetime
    attempts: int = 0
    sent_at: datetime | None = None
    last_error: str | None = None

    @classmethod
    def enqueue(cls, *, id: OutboxMessageId, message: EmailMessage,
                now: datetime) -> OutboxMessage:
        return cls(id=id, message=message, created_at=now, next_attempt_at=now)

    def withheld(self, reason: str, now: datetime) -> OutboxMessage:
        """Closed without sending (and wiped): the message was written only so that its
        cause did the same work as any other."""
        wiped = replace(self.message, text="", html="")
        return replace(self, message=wiped, sent_at=now, last_error=f"withheld: {reason}")

    @property
    def pending(self) -> bool:
        return self.sent_at is None and self.attempts < MAX_DELIVERY_ATTEMPTS

    def is_due(self, now: datetime) -> bool:
        return self.pending and self.next_attempt_at <= now

    def delivered(self, now: datetime) -> OutboxMessage:
        wiped = replace(self.message, text="", html="")
        return replace(self, message=wiped, sent_at=now, attempts=self.attempts + 1,
                       last_error=None)

    def failed(self, error: str, now: datetime,
               first_retry: timedelta = FIRST_RETRY) -> OutboxMessage:
        """Due again after `first_retry`, doubled for each attempt before, at most
        LONGEST_RETRY."""
        attempts = self.attempts + 1
        delay = min(first_retry * 2 ** (attempts - 1), LONGEST_RETRY)
        return replace(self, attempts=attempts, last_error=error[:500],
                       next_attempt_at=now + delay)
