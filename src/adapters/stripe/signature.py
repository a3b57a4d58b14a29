"""Verification of Stripe's `Stripe-Signature` webhook header, written by hand.

`stripe.WebhookSignature.verify_header` reads the wall clock (we pass time in) and accepts
timestamps in the future (only "too old" is checked); both matter for replayed deliveries.

The header is `t=<unix seconds>,v1=<hex>[,v1=<hex>...][,v0=<hex>]`. Stripe signs
`b"<t>." + raw body` with HMAC-SHA256 under each active endpoint secret and sends one `v1`
per secret while a secret is being rolled; we may hold several secrets too (our own
rotation). One match of any of our secrets with any `v1` is enough. Messages never echo the
header's signatures or any secret.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Sequence
from datetime import datetime

from domain.payments import InvalidWebhookSignature

DEFAULT_TOLERANCE_S = 300
# Unix seconds have 10 digits until the year 2286; a longer "timestamp" is no time at all (and
# a few thousand digits would not even convert to an int).
MAX_TIMESTAMP_DIGITS = 12


def verify_signature(payload: bytes, header: str | None, secrets: Sequence[str], *,
                     now: datetime, tolerance_s: int = DEFAULT_TOLERANCE_S) -> None:
    """Return when `header` signs `payload` at a time within `tolerance_s` of `now` (either
    side, edges included); raise InvalidWebhookSignature otherwise."""
    if not header or not header.strip():
        raise InvalidWebhookSignature("The Stripe-Signature header is missing.")
    timestamp, signatures = _parse(header)
    if not now.timestamp() - tolerance_s <= timestamp <= now.timestamp() + tolerance_s:
        raise InvalidWebhookSignature(
            f"The webhook timestamp is more than {tolerance_s} s away from the server's time.")
    signed = f"{timestamp}.".encode() + payload
    for secret in secrets:
        expected = hmac.new(secret.encode(), signed, hashlib.sha256).hexdigest().encode()
        if any(hmac.compare_digest(expected, candidate) for candidate in signatures):
            return
    raise InvalidWebhookSignature("No v1 signature in the Stripe-Signature header matches.")


def _parse(header: str) -> tuple[int, list[bytes]]:
    timestamps: list[str] = []
    signatures: list[bytes] = []
    for item in header.split(","):
        key, sep, value = item.strip().partition("=")
        if not sep or not key or not value:
            raise InvalidWebhookSignature("The Stripe-Signature header is malformed.")
        if key == "t":
            timestamps.append(value)
        elif key == "v1":
            signatures.append(value.encode("utf-8", "replace"))
    if len(timestamps) != 1:
        raise InvalidWebhookSignature("The Stripe-Signature header needs exactly one timestamp.")
    if not signatures:
        raise InvalidWebhookSignature("The Stripe-Signature header has no v1 signature.")
    if not (timestamps[0].isascii() and timestamps[0].isdigit()
            and len(timestamps[0]) <= MAX_TIMESTAMP_DIGITS):
        raise InvalidWebhookSignature("The Stripe-Signature header's timestamp is not a number "
                                      "of seconds.")
    return int(timestamps[0]), signatures
