"""Requirement files to upload: real DOCX and PDF files, crafted archives, executables."""

from __future__ import annotations

import io
import struct
import zipfile
from functools import cache
from html import escape

import docx

CONTENT_TYPES = (b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
                 b'package/2006/content-types"/>')
DOCUMENT_XML = (b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
                b'wordprocessingml/2006/main"><w:body/></w:document>')
ELF = b"\x7fELF\x02\x01\x01\x00" + bytes(8) + b"\x02\x00\x3e\x00" + bytes(200)
PE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00" + bytes(50) + b"\x80\x00\x00\x00" + bytes(64) \
    + b"PE\x00\x00" + bytes(200)
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(100)
OLE2_DOC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)


def a_docx(paragraphs: list[str], tables: list[list[list[str]]] | None = None) -> bytes:
    """A Word document made by python-docx: the paragraphs, then each table (rows of cells)."""
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    for rows in tables or []:
        table = document.add_table(rows=len(rows), cols=len(rows[0]))
        for row, texts in zip(table.rows, rows, strict=True):
            for cell, text in zip(row.cells, texts, strict=True):
                cell.text = text
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def a_pdf(text: str) -> bytes:
    """A PDF made by WeasyPrint (DejaVu fonts), one paragraph per line of `text`."""
    from weasyprint import HTML

    body = "".join(f"<p>{escape(line)}</p>" for line in text.splitlines())
    return HTML(string=f'<html><body style="font-family: DejaVu Serif">{body}</body></html>'
                ).write_pdf()


def a_zip(entries: dict[str, bytes], *, symlink: str | None = None,
          compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    """A zip of `entries`; `symlink` adds an entry of that name marked as a symbolic link."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression) as archive:
        for name, content in entries.items():
            archive.writestr(name, content)
        if symlink is not None:
            link = zipfile.ZipInfo(symlink)
            link.create_system, link.external_attr = 3, 0o120777 << 16
            archive.writestr(link, b"/etc/passwd")
    return out.getvalue()


def a_docx_skeleton(**extra: bytes) -> dict[str, bytes]:
    return {"[Content_Types].xml": CONTENT_TYPES, "word/document.xml": DOCUMENT_XML, **extra}


@cache
def a_docx_zip_bomb(megabytes: int = 500) -> bytes:
    """A DOCX skeleton whose word/document.xml is well-formed XML followed by `megabytes` MB
    of spaces, deflated (about 1 KB per MB). Streamed, so building it holds 1 MB at a time."""
    return _spaced_docx(megabytes, zip64=True)


@cache
def a_docx_with_lying_sizes(megabytes: int = 200) -> bytes:
    """A zip bomb whose headers declare word/document.xml as only its XML (a few hundred
    bytes; the CRC is still the whole entry's), so its central directory looks harmless."""
    return _declare_size(_spaced_docx(megabytes, zip64=False), "word/document.xml",
                         len(DOCUMENT_XML))


def _spaced_docx(megabytes: int, *, zip64: bool) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        with archive.open("word/document.xml", "w", force_zip64=zip64) as stream:
            stream.write(DOCUMENT_XML)
            spaces = b" " * (1 << 20)
            for _ in range(megabytes):
                stream.write(spaces)
    return out.getvalue()


def a_docx_with_an_encrypted_entry() -> bytes:
    """zipfile will not write the encrypted flag, so it is set in the central directory."""
    data = a_zip(a_docx_skeleton(**{"word/secret.xml": b"x"}))
    return _patched(data, "word/secret.xml", central=(8, "<H", 0x1))


def _declare_size(data: bytes, name: str, size: int) -> bytes:
    return _patched(data, name, local=(22, "<I", size), central=(24, "<I", size))


def _patched(data: bytes, name: str, *, central: tuple[int, str, int],
             local: tuple[int, str, int] | None = None) -> bytes:
    """`data` with one field of `name`'s central directory record (and local header) set."""
    patched = bytearray(data)
    archive = zipfile.ZipFile(io.BytesIO(data))
    if local is not None:
        at, fmt, value = local
        struct.pack_into(fmt, patched, archive.getinfo(name).header_offset + at, value)
    record = archive.start_dir
    for info in archive.infolist():
        if info.filename == name:
            at, fmt, value = central
            struct.pack_into(fmt, patched, record + at, value)
        record += 46 + len(info.orig_filename.encode()) + len(info.extra) + len(info.comment)
    return bytes(patched)
