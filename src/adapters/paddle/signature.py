"""Verification of Paddle Billing's `Paddle-Signature` webhook header.

The header is `ts=<unix seconds>;h1=<hex>[;h1=<hex>...]`. Paddle signs `b"<ts>:" + raw body`
with HMAC-SHA256 under the notification destination's secret key, and sends one `h1` per
active secret while it rotates a secret; we may hold several secrets too (our own rotation).
One match of any of our secrets with any `h1` is enough. The timestamp must lie within the
tolerance of the server's time on either side (a replay from the past and a delivery from
the future are both refused). Messages never echo the header's signatures or any secret.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Sequence
from datetime import datetime

from domain.payments import InvalidWebhookSignature

DEFAULT_TOLERANCE_S = 5 * 60
# Unix seconds have 10 digits until the year 2286; a longer "timestamp" is no time at all.
MAX_TIMESTAMP_DIGITS = 12


def verify_paddle_signature(payload: bytes, header: str | None, secrets: Sequence[str], *,
                            now: datetime, tolerance_s: int = DEFAULT_TOLERANCE_S) -> None:
    """Return when `header` signs `payload` under one of `secrets` at a time within
    `tolerance_s` of `now` (either side, edges included); raise InvalidWebhookSignature
    otherwise."""
    if not header or not header.strip():
        raise InvalidWebhookSignature("The Paddle-Signature header is missing.")
    ts, signatures = _parse(header)
    if not now.timestamp() - tolerance_s <= int(ts) <= now.timestamp() + tolerance_s:
        raise InvalidWebhookSignature(
            f"The webhook timestamp is more than {tolerance_s} s away from the server's time.")
    signed = f"{ts}:".encode() + payload
    for secret in secrets:
        expected = hmac.new(secret.encode(), signed, hashlib.sha256).hexdigest().encode()
        if any(hmac.compare_digest(expected, candidate) for candidate in signatures):
            return
    raise InvalidWebhookSignature("No h1 signature in the Paddle-Signature header matches.")


def _parse(header: str) -> tuple[str, list[bytes]]:
    """The header's one timestamp (digits, as signed) and its `h1` signatures; other keys
    are ignored (Paddle may add signature schemes)."""
    timestamps: list[str] = []
    signatures: list[bytes] = []
    for item in header.split(";"):
        key, sep, value = item.strip().partition("=")
        if not sep or not key or not value:
            raise InvalidWebhookSignature("The Paddle-Signature header is malformed.")
        if key == "ts":
            timestamps.append(value)
        elif key == "h1":
            signatures.append(value.encode("utf-8", "replace"))
    if len(timestamps) != 1:
        raise InvalidWebhookSignature("The Paddle-Signature header needs exactly one timestamp.")
    if not signatures:
        raise InvalidWebhookSignature("The Paddle-Signature header has no h1 signature.")
    ts = timestamps[0]
    if not (ts.isascii() and ts.isdigit() and len(ts) <= MAX_TIMESTAMP_DIGITS):
        raise InvalidWebhookSignature("The Paddle-Signature header's timestamp is not a number "
                                      "of seconds.")
    return ts, signatures
