"""`Paddle-Signature` headers as Paddle computes them, for tests. Written apart from the
adapter's verifier on purpose: a test signed by the code under test proves nothing."""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Sequence


def paddle_signature(payload: bytes, secrets: Sequence[str] | str, timestamp: int) -> str:
    """`ts=<timestamp>;h1=<hex>` with one `h1` per secret, in order (Paddle sends one per
    active secret while it rotates a notification destination's secret)."""
    keys = [secrets] if isinstance(secrets, str) else list(secrets)
    signed = b"%d:%b" % (timestamp, payload)
    h1 = [hmac.new(key.encode(), signed, hashlib.sha256).hexdigest() for key in keys]
    return ";".join([f"ts={timestamp}", *(f"h1={value}" for value in h1)])
