"""What an upload is, decided by its bytes alone: never by its name or declared type."""

from __future__ import annotations

import re
import string
from enum import Enum

from adapters.uploads.zip_guard import open_directory
from domain.uploads import UnreadableFile, UnsupportedFileType

_EXECUTABLE = "an executable program"
_IMAGE = "an image"
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x7fELF", _EXECUTABLE),
    (b"\xcf\xfa\xed\xfe", _EXECUTABLE), (b"\xce\xfa\xed\xfe", _EXECUTABLE),
    (b"\xfe\xed\xfa\xcf", _EXECUTABLE), (b"\xfe\xed\xfa\xce", _EXECUTABLE),
    (b"\xca\xfe\xba\xbe", _EXECUTABLE), (b"\x00asm", _EXECUTABLE),
    (b"#!", "an executable script"),
    (b"GIF87a", _IMAGE), (b"GIF89a", _IMAGE), (b"\x89PNG\r\n\x1a\n", _IMAGE),
    (b"\xff\xd8\xff", _IMAGE), (b"II*\x00", _IMAGE), (b"MM\x00*", _IMAGE),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "a legacy Word .doc file; save it as .docx or PDF"),
    (b"{\\rtf", "an RTF document; save it as .docx or PDF"),
    (b"Rar!\x1a\x07", "a RAR archive"), (b"7z\xbc\xaf\x27\x1c", "a 7z archive"),
    (b"\x1f\x8b", "a gzip archive"), (b"\xfd7zXZ\x00", "an xz archive"),
    (b"\x28\xb5\x2f\xfd", "a zstd archive"),
)
_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))
_HIGH_BYTES = bytes(range(0x80, 0x100))
_ASCII_LETTERS = string.ascii_letters.encode()
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")  # all but tab, newlines, \f, \v
_MAX_CONTROL_SHARE = 0.02
# In Cyrillic cp1251 text nearly every letter is a byte >= 0x80; in Latin cp1252 text few are.
_CYRILLIC_HIGH_SHARE = 0.3


class FileKind(Enum):
    PDF = "pdf"
    DOCX = "docx"
    TXT = "txt"


def sniff(data: bytes) -> FileKind:
    """PDF, DOCX or plain text, or UnsupportedFileType saying what the file is instead;
    UnreadableFile for no bytes at all."""
    if not data:
        raise UnreadableFile("The file is empty.")
    found = _signature(data)
    if found:
        raise UnsupportedFileType(f"The file is {found}, not a PDF, DOCX or plain-text file.")
    if data.startswith(b"PK\x03\x04"):
        names = set(open_directory(data).namelist())
        if {"[Content_Types].xml", "word/document.xml"} <= names:
            return FileKind.DOCX
        raise UnsupportedFileType("The file is a ZIP archive that is not a Word document.")
    if b"%PDF-" in data[:1024]:
        return FileKind.PDF
    decode_text(data)
    return FileKind.TXT


def decode_text(data: bytes) -> str:
    """UTF-8 (a byte-order mark allowed), UTF-16 with a byte-order mark, or, for bytes with
    no NUL, Cyrillic cp1251 or Latin cp1252 / latin-1; UnsupportedFileType for binary data."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _checked(_decoded(data, encoding))
    if b"\x00" in data:
        raise _binary()
    try:
        return _checked(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    high = len(data) - len(data.translate(None, _HIGH_BYTES))
    letters = len(data) - len(data.translate(None, _ASCII_LETTERS))
    cyrillic = high >= _CYRILLIC_HIGH_SHARE * (high + letters)
    for encoding in ("cp1251",) if cyrillic else ("cp1252", "latin-1"):
        try:
            return _checked(data.decode(encoding))
        except UnicodeDecodeError:
            continue
    raise _binary()


def _signature(data: bytes) -> str | None:
    if data.startswith(b"MZ") and b"\x00" in data[:64]:  # a DOS/Windows header, not "MZ..." text
        return _EXECUTABLE
    return next((what for magic, what in _SIGNATURES if data.startswith(magic)), None)


def _decoded(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise UnsupportedFileType(f"The file claims to be {encoding} text but is not.") from error


def _checked(text: str) -> str:
    if _CONTROLS.subn("", text)[1] > _MAX_CONTROL_SHARE * len(text):
        raise _binary()
    return text


def _binary() -> UnsupportedFileType:
    return UnsupportedFileType("The file holds binary data, not a PDF, DOCX or plain text.")
