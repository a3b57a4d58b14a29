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
