"""`Stripe-Signature` headers as Stripe computes them, for tests. Written apart from the
adapter's verifier on purpose: a test signed by the code under test proves nothing."""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Sequence


def signature_header(payload: bytes, secrets: Sequence[str] | str, timestamp: int) -> str:
    """`t=<timestamp>,v1=<hex>` with one `v1` per secret, in order (Stripe sends one per
    active endpoint secret while a secret is being rolled)."""
    keys = [secrets] if isinstance(secrets, str) else list(secrets)
    signed = str(timestamp).encode() + b"." + payload
    v1 = [hmac.new(key.encode(), signed, hashlib.sha256).hexdigest() for key in keys]
    return ",".join([f"t={timestamp}", *(f"v1={value}" for value in v1)])
