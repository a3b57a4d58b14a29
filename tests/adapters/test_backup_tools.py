"""The PostgreSQL tools of a backup: where they are found, and how the connection reaches
them (in the environment, never on the command line)."""

import os
from pathlib import Path

import pytest

from adapters.backups.errors import BackupError
from adapters.backups.postgres import find_tool, tool_environment


def a_tool(folder: Path, name: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    tool = folder / name
    tool.write_text("#!/bin/sh\n")
    tool.chmod(0o755)
    return tool


def test_path_first_then_the_newest_versioned_folder(tmp_path) -> None:
    versions = tmp_path / "postgresql"
    a_tool(versions / "9" / "bin", "pg_dump")
    newest = a_tool(versions / "16" / "bin", "pg_dump")
    a_tool(versions / "15" / "bin", "pg_dump")
    dirs = str(versions / "*" / "bin")
    empty = tmp_path / "empty"
    empty.mkdir()
    assert find_tool("pg_dump", path=str(empty), tool_dirs=dirs) == newest
    on_path = a_tool(tmp_path / "bin", "pg_dump")
    assert find_tool("pg_dump", path=str(tmp_path / "bin"), tool_dirs=dirs) == on_path


def test_a_missing_tool_is_refused_clearly(tmp_path) -> None:
    with pytest.raises(BackupError, match=r"pg_restore was not found on PATH or in .*"
                                          r"install the PostgreSQL client tools"):
        find_tool("pg_restore", path=str(tmp_path), tool_dirs=str(tmp_path / "*" / "bin"))


def test_the_connection_goes_in_pg_variables() -> None:
    environ = {"PATH": "/usr/bin", "HOME": "/root", "PGPASSFILE": "/root/.pgpass",
               "STRIPE_SECRET_KEY": "sk_live_x", "DATABASE_URL": "postgresql://x"}
    env = tool_environment("postgresql+asyncpg://tesigo:s%40cret@db.internal:6432/tesigo"
                           "?sslmode=verify-full&sslrootcert=/etc/ca.pem", environ)
    assert env == {"PATH": "/usr/bin", "HOME": "/root", "PGPASSFILE": "/root/.pgpass",
                   "PGHOST": "db.internal", "PGPORT": "6432", "PGUSER": "tesigo",
                   "PGPASSWORD": "s@cret", "PGDATABASE": "tesigo", "PGSSLMODE": "verify-full",
                   "PGSSLROOTCERT": "/etc/ca.pem", "PGCONNECT_TIMEOUT": "10",
                   "PGAPPNAME": "tesigo-backup"}


def test_a_url_without_a_database_is_refused() -> None:
    with pytest.raises(BackupError, match="names no database"):
        tool_environment("postgresql://db.internal", dict(os.environ))
