"""`tesigo backup` and `tesigo restore`: the database and the blob store's files in one
archive with a manifest (what, when, which versions and schema revision, checksums).

- PostgreSQL is dumped with `pg_dump -Fc` and restored with `pg_restore --clean
  --if-exists --no-owner` in one transaction, into the database of DATABASE_URL (created
  when it does not exist); SQLite is copied with the sqlite3 backup API.
- The blob store's files are backed up when it is the local directory (STORAGE_DIR; an S3
  bucket, STORAGE_URL, is left to the bucket's own versioning); a restore makes that
  directory hold exactly them.
- A restore checks the whole archive against its manifest before it changes anything, and
  refuses a damaged one, one of the other database, or one made by a newer schema.
"""

from __future__ import annotations

import asyncio
import os
import platform
import shutil
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from adapters.backups import postgres, schema, sqlite, stored_files
from adapters.backups.archive import unpack, write_archive
from adapters.backups.errors import BackupError
from adapters.backups.manifest import (
    FORMAT,
    POSTGRES_DUMP,
    SQLITE_COPY,
    STORAGE,
    Database,
    Entry,
    Manifest,
)
from entrypoints.config import Settings

__all__ = ["BackupError", "Restored", "back_up", "restore"]


@dataclass(frozen=True, slots=True)
class Restored:
    manifest: Manifest
    database_created: bool
    blobs_removed: int
    needs_migrate: bool


def _database(settings: Settings) -> Database:
    return "sqlite" if settings.uses_sqlite else "postgresql"


def _storage_root(settings: Settings) -> Path:
    return Path(settings.storage_dir)


def _local_storage(settings: Settings) -> bool:
    """Files are kept in STORAGE_DIR unless STORAGE_URL names an S3 bucket
    (entrypoints/wiring/blobs.py); a bucket is backed up by its own means."""
    return not settings.storage_url


async def back_up(settings: Settings, target: Path) -> Manifest:
    """Write a new backup archive at `target` and return its manifest."""
    work = await asyncio.to_thread(_work_folder, target)
    try:
        return await _back_up_in(settings, target, work)
    finally:
        await asyncio.to_thread(shutil.rmtree, work, True)


async def _back_up_in(settings: Settings, target: Path, work: Path) -> Manifest:
    versions = {"tesigo": _tesigo_version(), "python": platform.python_version()}
    if settings.uses_sqlite:
        copied = work / SQLITE_COPY
        revision = await asyncio.to_thread(
            sqlite.copy, sqlite.database_file(settings.database_url), copied)
        versions["sqlite"] = sqlite.VERSION
    else:
        copied = work / POSTGRES_DUMP
        server, revision = await postgres.describe(settings.database_url)
        versions["pg_dump"] = await postgres.dump(settings.database_url, copied, os.environ)
        versions["postgresql_server"] = server
    local = _local_storage(settings)
    blobs = await asyncio.to_thread(stored_files.listed, _storage_root(settings)) if local else []
    members = [(copied.name, copied), *((STORAGE + key, path) for key, path in blobs)]

    def manifest_of(entries: tuple[Entry, ...]) -> Manifest:
        return Manifest(format=FORMAT, created_at=datetime.now(UTC),
                        database=_database(settings), schema_revision=revision,
                        versions=versions, storage_included=local, files=entries)

    return await asyncio.to_thread(write_archive, target, members, manifest_of)


def _work_folder(target: Path) -> Path:
    """A temporary folder beside `target` (on its file system) for the database's copy."""
    if target.exists():
        raise BackupError(f"{target} exists; a backup never overwrites one, choose a new name")
    target.parent.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(dir=target.parent, prefix=".tesigo-backup-"))


async def restore(settings: Settings, source: Path) -> Restored:
    """Check the archive at `source` whole, then put its database and files back."""
    root = _storage_root(settings)
    work = await asyncio.to_thread(_staging_folder, source,
                                   root if _local_storage(settings) else None)
    try:
        return await _restore_from(settings, source, work, root)
    finally:
        await asyncio.to_thread(shutil.rmtree, work, True)


async def _restore_from(settings: Settings, source: Path, staging: Path, root: Path) -> Restored:
    manifest = await asyncio.to_thread(unpack, source, staging)
    if manifest.database != _database(settings):
        raise BackupError(f"the archive holds a {manifest.database} database; DATABASE_URL "
                          f"is {_database(settings)}")
    await asyncio.to_thread(schema.check_restorable, manifest.schema_revision)
    created = False
    if settings.uses_sqlite:
        await asyncio.to_thread(sqlite.restore, staging / SQLITE_COPY,
                                sqlite.database_file(settings.database_url))
    else:
        created = await postgres.ensure_database(settings.database_url)
        await postgres.restore(settings.database_url, staging / POSTGRES_DUMP, os.environ)
    removed = 0
    if manifest.storage_included and _local_storage(settings):
        removed = await asyncio.to_thread(stored_files.put_back, root,
                                          staging / STORAGE.rstrip("/"), manifest.storage_keys)
    head = await asyncio.to_thread(schema.head)
    return Restored(manifest=manifest, database_created=created, blobs_removed=removed,
                    needs_migrate=manifest.schema_revision != head)


def _staging_folder(source: Path, root: Path | None) -> Path:
    """A temporary folder beside the storage directory `root` (so staged files are moved
    into it, not copied), else beside the archive."""
    if not source.is_file():
        raise BackupError(f"there is no backup archive at {source}")
    if root is None:
        return Path(tempfile.mkdtemp(dir=source.parent, prefix=".tesigo-restore-"))
    root.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(dir=root.parent, prefix=".tesigo-restore-"))


def _tesigo_version() -> str:
    try:
        return version("tesigo")
    except PackageNotFoundError:
        return "unknown"
