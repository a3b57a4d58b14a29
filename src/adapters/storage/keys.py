"""The BlobStore key rules, shared by every store so none lets a key escape it."""

import re

_SEGMENT = re.compile(r"[A-Za-z0-9._-]+")


def check_key(key: str) -> str:
    """Return `key` if it is a relative path of letters, digits, `.`, `_`, `-` and `/` without
    empty, `.` or `..` segments; raise ValueError otherwise."""
    _check_segments(key, key.split("/"))
    return key


def check_prefix(prefix: str) -> str:
    """A folder-like prefix: a valid key followed by `/`."""
    if not prefix.endswith("/"):
        raise ValueError(f"a blob prefix must end with '/': {prefix!r}")
    _check_segments(prefix, prefix[:-1].split("/"))
    return prefix


def _check_segments(key: str, segments: list[str]) -> None:
    for segment in segments:
        if segment in {".", ".."} or not _SEGMENT.fullmatch(segment):
            raise ValueError(f"not a valid blob key: {key!r}")

