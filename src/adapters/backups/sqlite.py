"""SQLite through the sqlite3 backup API: a consistent copy even while the service writes
(the copy is taken under SQLite's own locking, WAL included)."""

import sqlite3
from contextlib import closing
from pathlib import Path

from sqlalchemy.engine import make_url

from adapters.backups.errors import BackupError

VERSION = sqlite3.sqlite_version


def database_file(url: str) -> Path:
    database = make_url(url).database
    if not database or database == ":memory:":
        raise BackupError("DATABASE_URL names no SQLite file; an in-memory database has "
                          "nothing to back up")
    return Path(database)


def copy(source: Path, target: Path) -> str | None:
    """Copy the database at `source` into the new file `target`; returns the copy's
    Alembic revision (None before migrations)."""
    if not source.is_file():
        raise BackupError(f"there is no SQLite database at {source}")
    with closing(sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)) as src, \
            closing(sqlite3.connect(target)) as dst:
        try:
            src.backup(dst)
        except sqlite3.Error as error:
            raise BackupError(f"the SQLite database at {source} could not be copied: "
                              f"{error}") from None
        return _revision(dst)


def restore(source: Path, target: Path) -> None:
    """Replace the database at `target` (created if needed) by the copy at `source`."""
    with closing(sqlite3.connect(source)) as src:
        if src.execute("PRAGMA integrity_check").fetchone() != ("ok",):
            raise BackupError("the archive's SQLite database fails its integrity check")
        target.parent.mkdir(parents=True, exist_ok=True)
        with closing(sqlite3.connect(target)) as dst:
            try:
                src.backup(dst)
            except sqlite3.Error as error:
                raise BackupError(f"the SQLite database at {target} could not be replaced: "
                                  f"{error}; is the service still running?") from None


def _revision(connection: sqlite3.Connection) -> str | None:
    try:
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.OperationalError:
        return None
    return None if row is None else str(row[0])
