"""Requirement files a user uploads (a brief, a syllabus, a supervisor's guidelines): what
is accepted, and the text kept from them."""

from __future__ import annotations

import re
import unicodedata

from domain.errors import DomainError

MAX_UPLOAD_BYTES = 10 * 1024 * 1024
REQUIREMENTS_MAX = 20_000
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b\ufeff]")


class UnsupportedFileType(DomainError):
    default_message = "Only PDF, DOCX and plain-text files are accepted."


class FileTooLarge(DomainError):
    default_message = f"The file is larger than {MAX_UPLOAD_BYTES // (1024 * 1024)} MB."


class UnsafeFile(DomainError):
    default_message = "The file's structure is not allowed (it may be an archive bomb)."


class UnreadableFile(DomainError):
    default_message = "No text could be read from the file."


def normalise_requirements(text: str) -> str:
    """NFC text without control characters, lines right-trimmed, runs of spaces collapsed,
    at most one blank line in a row, cut at REQUIREMENTS_MAX characters on a line boundary
    where there is one. UnreadableFile when nothing is left."""
    text = _CONTROL.sub("", unicodedata.normalize("NFC", text).replace("\r\n", "\n")
                        .replace("\r", "\n"))
    lines = [" ".join(line.split()) for line in text.split("\n")]
    kept: list[str] = []
    for line in lines:
        if line or (kept and kept[-1]):
            kept.append(line)
    cleaned = "\n".join(kept).strip()
    if not cleaned:
        raise UnreadableFile("The file holds no text to use as requirements.")
    if len(cleaned) > REQUIREMENTS_MAX:
        cut = cleaned.rfind("\n", 0, REQUIREMENTS_MAX)
        cleaned = cleaned[:cut if cut > REQUIREMENTS_MAX // 2 else REQUIREMENTS_MAX].rstrip()
    return cleaned
