"""Secrets are stored only as digests; the plain value lives in the user's hands."""

import hashlib


def digest(secret: str) -> str:
    """SHA-256 hex digest of a high-entropy secret (a 256-bit token needs no slow hash)."""
    return hashlib.sha256(secret.encode()).hexdigest()
