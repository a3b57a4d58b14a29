"""Idempotency keys: a retried request that starts work or moves money is answered with the
first response instead of doing it twice."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from domain.errors import DomainError

KEY_LIFETIME = timedelta(hours=24)
MAX_KEY_LENGTH = 255


class IdempotencyKeyReused(DomainError):
    default_message = ("This Idempotency-Key was already used with a different request; "
                       "use a new key for a new request.")


class IdempotencyKeyInUse(DomainError):
    default_message = ("A request with this Idempotency-Key is still being processed; "
                       "retry once it has finished.")


@dataclass(frozen=True, slots=True, kw_only=True)
class StoredResponse:
    status: int
    body: bytes
    content_type: str = "application/json"


@dataclass(frozen=True, slots=True, kw_only=True)
class IdempotencyRecord:
    """A key's first request: its fingerprint and, once it finished, its response."""

    request_hash: str
    response: StoredResponse | None = None

    def replay(self, request_hash: str) -> StoredResponse:
        """What a request that comes again with this key gets: the first response. Raises
        IdempotencyKeyReused for a different request (checked first, so it holds while the
        first is still running) and IdempotencyKeyInUse while the first has not finished."""
        if request_hash != self.request_hash:
            raise IdempotencyKeyReused
        if self.response is None:
            raise IdempotencyKeyInUse
        return self.response
