"""The text of an uploaded requirements file: pure CPU, meant to run in a worker process.

Parsers of hostile input fail in many ways (pypdf alone raises a dozen exception types on
damaged files), so each parser call sits in `_reading`, which turns whatever the parser raises
into UnreadableFile, chained to the cause; our own refusals and MemoryError pass through, so
the caller can still tell a file that was too big to read from a damaged one.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import docx
from docx.blkcntnr import BlockItemContainer
from docx.document import Document
from docx.table import Table
from pypdf import PasswordType, PdfReader

from adapters.uploads.sniff import FileKind, decode_text, sniff
from adapters.uploads.zip_guard import check_archive, read_entries
from domain.errors import DomainError
from domain.uploads import MAX_UPLOAD_BYTES, FileTooLarge, UnreadableFile, UnsafeFile

MAX_PDF_PAGES = 2000
_NO_TEXT = {
    FileKind.PDF: "The PDF has no text — is it a scanned image? Upload a PDF with a text layer.",
    FileKind.DOCX: "The Word document holds no text.",
    FileKind.TXT: "The text file is blank.",
}


def extract_text(data: bytes) -> str:
    """The raw text of a PDF, DOCX or plain-text file (see domain.ports.uploads)."""
    if len(data) > MAX_UPLOAD_BYTES:
        raise FileTooLarge()
    kind = sniff(data)
    text = _READERS[kind](data)
    if not text.strip():
        raise UnreadableFile(_NO_TEXT[kind])
    return text


def _pdf_text(data: bytes) -> str:
    with _reading("PDF"):
        reader = PdfReader(io.BytesIO(data))
        # An owner password only (printing or copying restricted) opens with an empty one.
        if reader.is_encrypted and reader.decrypt("") == PasswordType.NOT_DECRYPTED:
            raise UnreadableFile("The PDF is password-protected; upload a copy without one.")
        if len(reader.pages) > MAX_PDF_PAGES:
            raise UnsafeFile(f"The PDF has more than {MAX_PDF_PAGES} pages.")
        return "\n\n".join(page.extract_text() for page in reader.pages)


def _docx_text(data: bytes) -> str:
    """python-docx reads a copy of the archive rebuilt from bounded reads (see zip_guard)."""
    check_archive(data)
    rebuilt = io.BytesIO()
    with _reading("Word document"):
        with zipfile.ZipFile(rebuilt, "w", zipfile.ZIP_STORED) as archive:
            for entry, content in read_entries(data):
                archive.writestr(entry.filename, content)
        return "\n".join(_blocks(docx.Document(rebuilt)))


def _blocks(container: Document | BlockItemContainer) -> Iterator[str]:
    """Paragraphs and table rows in document order; a row's cells joined by " | ", a merged
    cell once."""
    for block in container.iter_inner_content():
        if not isinstance(block, Table):
            yield block.text
            continue
        seen: set[object] = set()  # a merged cell comes back once per grid cell it spans
        for row in block.rows:
            cells = []
            for cell in row.cells:
                if cell._tc not in seen:
                    seen.add(cell._tc)
                    cells.append(" ".join(_blocks(cell)).strip())
            yield " | ".join(cells)


@contextmanager
def _reading(what: str) -> Iterator[None]:
    try:
        yield
    except (DomainError, MemoryError):
        raise
    except Exception as error:
        detail = str(error)[:200] or type(error).__name__
        raise UnreadableFile(f"The {what} is damaged and could not be read ({detail}).") from error


_READERS: dict[FileKind, Callable[[bytes], str]] = {
    FileKind.PDF: _pdf_text,
    FileKind.DOCX: _docx_text,
    FileKind.TXT: decode_text,
}
