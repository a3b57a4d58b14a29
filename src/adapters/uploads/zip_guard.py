"""Zip archives (DOCX) judged from their central directory before anything is inflated.

The ratio rule is applied to the archive as a whole (all declared sizes over all compressed
sizes), not to each entry. Measured on DOCX files made by python-docx, a single part is
routinely past 100:1 (a 1500x10 empty table: word/document.xml 1.0 MB at 155:1; 20,000
identical list items: 1.6 MB at 265:1), while whole archives stayed at or below 61:1. What
the rule is for, bounding how much a small upload can expand into, is the whole archive's
ratio: with it and the 50 MB total, inflating never yields more than min(50 MB, 100 x upload).

Declared sizes may lie. zipfile's own `read()` inflates an entry's whole compressed stream in
one call before cutting it to the declared size, so `read_entries` reads in bounded chunks
instead (zipfile then stops at the declared size and checks the CRC), and refuses any entry
that yields more than it declared. Only stored and deflated entries are accepted: zipfile
inflates bzip2 and LZMA data without an output bound, and Word never writes them.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator

from domain.uploads import UnreadableFile, UnsafeFile

MAX_ENTRIES = 1000
MAX_TOTAL_BYTES = 50 * 1024 * 1024
MAX_RATIO = 100
_CHUNK = 64 * 1024
_SYMLINK, _FILE_TYPE = 0o120000, 0o170000
_DRIVE = re.compile(r"^[A-Za-z]:")
_METHODS = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)


def open_directory(data: bytes) -> zipfile.ZipFile:
    """The archive with its central directory read (nothing inflated). Each directory record
    starts with PK\\x01\\x02, so counting that signature refuses an archive with thousands of
    entries before zipfile builds an object for every one."""
    if data.count(b"PK\x01\x02") > MAX_ENTRIES:
        raise UnsafeFile(f"The archive has more than {MAX_ENTRIES} entries.")
    try:
        return zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError) as error:
        raise UnreadableFile(f"The archive is damaged: {error}.") from error


def check_archive(data: bytes) -> None:
    """UnsafeFile naming the broken rule, judged from the central directory only."""
    entries = open_directory(data).infolist()
    if len(entries) > MAX_ENTRIES:
        raise UnsafeFile(f"The archive has more than {MAX_ENTRIES} entries.")
    for entry in entries:
        _check_entry(entry)
    total = sum(entry.file_size for entry in entries)
    if total > MAX_TOTAL_BYTES:
        raise UnsafeFile(f"The archive would unpack to {total // 2**20} MB; "
                         f"at most {MAX_TOTAL_BYTES // 2**20} MB is allowed.")
    if total > MAX_RATIO * max(sum(entry.compress_size for entry in entries), 1):
        raise UnsafeFile(f"The archive is compressed more than {MAX_RATIO}:1.")


def read_entries(data: bytes) -> Iterator[tuple[zipfile.ZipInfo, bytes]]:
    """Every entry's bytes, never more than its declared size held or inflated at once."""
    archive = open_directory(data)
    for entry in archive.infolist():
        if not entry.is_dir():
            yield entry, _read_bounded(archive, entry)


def _check_entry(entry: zipfile.ZipInfo) -> None:
    name = entry.filename
    if name.startswith("/") or "\\" in name or _DRIVE.match(name):
        raise UnsafeFile(f"The archive has an absolute or Windows path: {name!r}.")
    if ".." in name.split("/"):
        raise UnsafeFile(f"The archive has a path leading outside it: {name!r}.")
    if (entry.external_attr >> 16) & _FILE_TYPE == _SYMLINK:
        raise UnsafeFile(f"The archive has a symbolic link: {name!r}.")
    if entry.flag_bits & 0x1:
        raise UnsafeFile(f"The archive has an encrypted entry: {name!r}.")
    if entry.compress_type not in _METHODS:
        raise UnsafeFile(f"The archive uses a compression Word never writes: {name!r}.")


def _read_bounded(archive: zipfile.ZipFile, entry: zipfile.ZipInfo) -> bytes:
    chunks: list[bytes] = []
    size = 0
    try:
        with archive.open(entry) as stream:
            while chunk := stream.read(_CHUNK):
                size += len(chunk)
                if size > entry.file_size:
                    raise UnsafeFile(f"{entry.filename!r} inflates past its declared size.")
                chunks.append(chunk)
    except zipfile.BadZipFile as error:  # the CRC or the local header disagrees
        raise UnsafeFile(f"{entry.filename!r} does not match its declared size "
                         f"or checksum: {error}.") from error
    return b"".join(chunks)
