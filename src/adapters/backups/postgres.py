"""PostgreSQL through its own tools: `pg_dump -Fc` out, `pg_restore` back in.

The tools are found on PATH, else the newest under /usr/lib/postgresql/*/bin. The
connection goes to them in PG* environment variables (the password in PGPASSWORD), never
on the command line, where any user of the machine could read it. They run as child
processes of the event loop, which they never block.
"""

import asyncio
import glob
import os
import shutil
from collections.abc import Mapping
from pathlib import Path

import asyncpg  # type: ignore[import-untyped]
from sqlalchemy.engine import make_url

from adapters.backups.errors import BackupError

TOOL_DIRS = "/usr/lib/postgresql/*/bin"
# What the tools may need from the environment besides PG* (locale, home for ~/.pgpass).
_PASSED_ON = ("PATH", "HOME", "LANG", "LC_ALL", "LC_CTYPE", "TZ", "TMPDIR")
_QUERY_VARIABLES = {"sslmode": "PGSSLMODE", "ssl": "PGSSLMODE", "sslrootcert": "PGSSLROOTCERT",
                    "sslcert": "PGSSLCERT", "sslkey": "PGSSLKEY", "host": "PGHOST"}
_ERROR_TAIL = 2000


def find_tool(name: str, path: str | None = None, tool_dirs: str = TOOL_DIRS) -> Path:
    """`name` on `path` (default: PATH), else the newest in `tool_dirs`; BackupError when
    there is neither."""
    found = shutil.which(name, path=path)
    if found:
        return Path(found)
    candidates = sorted(glob.glob(os.path.join(tool_dirs, name)), key=_major, reverse=True)
    if candidates:
        return Path(candidates[0])
    raise BackupError(f"{name} was not found on PATH or in {tool_dirs}: install the "
                      "PostgreSQL client tools (Debian: postgresql-client), of the server's "
                      "major version or newer")


def _major(tool: str) -> int:
    version = Path(tool).parent.parent.name
    return int(version) if version.isdigit() else 0


def tool_environment(url: str, environ: Mapping[str, str]) -> dict[str, str]:
    """The environment for a PostgreSQL tool: what it needs of `environ`, and the
    connection of `url` as PG* variables."""
    parsed = make_url(url)
    if not parsed.database:
        raise BackupError("DATABASE_URL names no database")
    env = {k: v for k, v in environ.items() if k in _PASSED_ON or k.startswith("PG")}
    for key, variable in _QUERY_VARIABLES.items():
        value = parsed.query.get(key)
        if value:
            env[variable] = value if isinstance(value, str) else value[0]
    given = {"PGHOST": parsed.host, "PGPORT": parsed.port, "PGUSER": parsed.username,
             "PGPASSWORD": parsed.password, "PGDATABASE": parsed.database}
    env.update({k: str(v) for k, v in given.items() if v is not None})
    env.setdefault("PGCONNECT_TIMEOUT", "10")
    env["PGAPPNAME"] = "tesigo-backup"
    return env


async def dump(url: str, target: Path, environ: Mapping[str, str]) -> str:
    """`pg_dump -Fc` of the database at `url` into `target`; returns pg_dump's version."""
    pg_dump = find_tool("pg_dump")
    env = tool_environment(url, environ)
    version = (await _run([str(pg_dump), "--version"], env)).strip()
    await _run([str(pg_dump), "--format=custom", "--no-password", f"--file={target}"], env)
    return version


async def restore(url: str, source: Path, environ: Mapping[str, str]) -> None:
    """`pg_restore --clean --if-exists --no-owner` of `source` into the database at `url`,
    in one transaction: it lands whole or not at all."""
    pg_restore = find_tool("pg_restore")
    env = tool_environment(url, environ)
    await _run([str(pg_restore), "--clean", "--if-exists", "--no-owner",
                "--single-transaction", "--exit-on-error", "--no-password",
                f"--dbname={env['PGDATABASE']}", str(source)], env)


async def _run(argv: list[str], env: dict[str, str]) -> str:
    try:
        process = await asyncio.create_subprocess_exec(
            *argv, env=env, stdin=asyncio.subprocess.DEVNULL,
            stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    except OSError as error:
        raise BackupError(f"{argv[0]} could not be started: {error}") from None
    out, err = await process.communicate()
    if process.returncode != 0:
        detail = err.decode(errors="replace").strip()[-_ERROR_TAIL:]
        raise BackupError(f"{Path(argv[0]).name} failed (exit {process.returncode}): {detail}")
    return out.decode(errors="replace")


async def describe(url: str) -> tuple[str, str | None]:
    """The server's version and the database's Alembic revision (None before migrations)."""
    connection = await _connect(url)
    try:
        server = await connection.fetchval("SHOW server_version")
        if await connection.fetchval("SELECT to_regclass('alembic_version') IS NULL"):
            return str(server), None
        revision = await connection.fetchval("SELECT version_num FROM alembic_version")
        return str(server), None if revision is None else str(revision)
    finally:
        await connection.close()


async def ensure_database(url: str) -> bool:
    """Create the database of `url` when it does not exist (through the server's `postgres`
    database, with the same credentials); True when it was created."""
    try:
        connection = await _connect(url)
    except _Missing:
        pass
    else:
        await connection.close()
        return False
    name = str(make_url(url).database)
    maintenance = await _connect(_plain(url, "postgres"))
    try:
        quoted = name.replace('"', '""')
        await maintenance.execute(f'CREATE DATABASE "{quoted}"')
    except asyncpg.PostgresError as error:
        raise BackupError(f"the database {name!r} does not exist and could not be created: "
                          f"{error}; create it (empty) and restore again") from None
    finally:
        await maintenance.close()
    return True


class _Missing(BackupError):
    """The server answers, but the database does not exist."""


async def _connect(url: str) -> asyncpg.Connection:
    try:
        return await asyncpg.connect(_plain(url), timeout=10)
    except asyncpg.InvalidCatalogNameError as error:
        raise _Missing(str(error)) from None
    except (OSError, TimeoutError, asyncpg.PostgresError) as error:
        raise BackupError(f"the database does not answer: {type(error).__name__}: "
                          f"{error}") from None


def _plain(url: str, database: str | None = None) -> str:
    parsed = make_url(url).set(drivername="postgresql")
    if database is not None:
        parsed = parsed.set(database=database)
    return parsed.render_as_string(hide_password=False)
