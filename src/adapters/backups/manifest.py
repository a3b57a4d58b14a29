"""What a backup archive holds, written into it as `manifest.json`.

The manifest names every other member with its size and SHA-256; a restore accepts an
archive only when its members are exactly those, byte for byte.
"""

import hashlib
from datetime import datetime
from typing import IO, Literal

import msgspec

from adapters.backups.errors import BackupError

FORMAT = "tesigo-backup/1"
MANIFEST = "manifest.json"
POSTGRES_DUMP = "database.pgdump"
SQLITE_COPY = "database.sqlite3"
STORAGE = "storage/"
MAX_MANIFEST_BYTES = 64 * 1024 * 1024

Database = Literal["postgresql", "sqlite"]


class Entry(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    path: str
    size: int
    sha256: str


class Manifest(msgspec.Struct, frozen=True, kw_only=True):
    format: str
    created_at: datetime
    database: Database
    schema_revision: str | None
    versions: dict[str, str]
    storage_included: bool
    files: tuple[Entry, ...]

    @property
    def database_member(self) -> str:
        return POSTGRES_DUMP if self.database == "postgresql" else SQLITE_COPY

    @property
    def storage_keys(self) -> list[str]:
        return [e.path.removeprefix(STORAGE) for e in self.files if e.path.startswith(STORAGE)]


def encode(manifest: Manifest) -> bytes:
    return msgspec.json.format(msgspec.json.encode(manifest), indent=2) + b"\n"


def decode(data: bytes) -> Manifest:
    """The manifest in `data`; BackupError when it is not one this version can restore."""
    try:
        manifest = msgspec.json.decode(data, type=Manifest)
    except msgspec.DecodeError as error:
        raise BackupError(f"the archive's manifest is damaged: {error}") from None
    if manifest.format != FORMAT:
        raise BackupError(f"the archive is in format {manifest.format!r}; this version of "
                          f"TesiGo restores {FORMAT!r}")
    if manifest.database_member not in {e.path for e in manifest.files}:
        raise BackupError("the archive's manifest lists no database")
    return manifest


class Hashing:
    """A readable file that hashes and counts what is read through it."""

    def __init__(self, file: IO[bytes]) -> None:
        self._file = file
        self.digest = hashlib.sha256()
        self.size = 0

    def read(self, size: int = -1) -> bytes:
        chunk = self._file.read(size)
        self.digest.update(chunk)
        self.size += len(chunk)
        return chunk

    def entry(self, path: str) -> Entry:
        return Entry(path=path, size=self.size, sha256=self.digest.hexdigest())
