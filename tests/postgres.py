"""A PostgreSQL server for the tests, and throwaway databases on it.

The server is, in order: `TEST_DATABASE_URL`; the local server on 127.0.0.1:5432; a
throwaway cluster started from the local PostgreSQL binaries in a temporary directory.
"""

from __future__ import annotations

import glob
import os
import pwd
import secrets
import shutil
import socket
import subprocess
import tempfile
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager, contextmanager, suppress
from pathlib import Path

import asyncpg
from sqlalchemy.engine import make_url

LOCAL_URL = "postgresql://postgres@127.0.0.1:5432/postgres"


class PostgresUnavailable(Exception):
    """No PostgreSQL server could be found or started; the message says why."""


def plain_url(url: str, database: str | None = None) -> str:
    """`url` as asyncpg and the app both accept it (`postgresql://`), maybe on another db."""
    parsed = make_url(url).set(drivername="postgresql")
    if database is not None:
        parsed = parsed.set(database=database)
    return parsed.render_as_string(hide_password=False)


async def answers(url: str) -> str | None:
    """None when the server at `url` accepts a connection, else why not."""
    try:
        connection = await asyncpg.connect(plain_url(url), timeout=3)
    except (OSError, asyncpg.PostgresError, TimeoutError) as error:
        return f"{type(error).__name__}: {error}"
    await connection.close()
    return None


@asynccontextmanager
async def postgres_server() -> AsyncIterator[str]:
    """The URL of a server on which the tests may create databases."""
    configured = os.environ.get("TEST_DATABASE_URL")
    if configured:
        failure = await answers(configured)
        if failure:
            raise PostgresUnavailable(f"TEST_DATABASE_URL does not answer ({failure})")
        yield plain_url(configured)
        return
    local_failure = await answers(LOCAL_URL)
    if local_failure is None:
        yield LOCAL_URL
        return
    try:
        with throwaway_cluster() as url:
            yield url
    except PostgresUnavailable as error:
        raise PostgresUnavailable(f"no local server ({local_failure}) and {error}") from error


@asynccontextmanager
async def fresh_database(server_url: str) -> AsyncIterator[str]:
    """A new empty database named `tesigo_test_<random>`, dropped afterwards."""
    name = f"tesigo_test_{secrets.token_hex(6)}"
    admin = await asyncpg.connect(server_url, timeout=10)
    try:
        await admin.execute(f'CREATE DATABASE "{name}"')
        yield plain_url(server_url, name)
    finally:
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.close()


def _bin_dir() -> Path | None:
    on_path = shutil.which("initdb")
    if on_path and shutil.which("pg_ctl"):
        return Path(on_path).parent
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return Path(candidates[-1]).parent if candidates else None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def throwaway_cluster() -> Iterator[str]:
    """A PostgreSQL cluster in a temporary directory on a free port, removed afterwards.

    initdb refuses to run as root, so as root the cluster runs as the `postgres` user.
    """
    with restartable_cluster() as cluster:
        yield cluster.url


class Cluster:
    """A throwaway cluster's URL, and a restart (`pg_ctl restart -m fast`: every connection
    is cut; the server answers again on the same port when `restart` returns)."""

    def __init__(self, url: str, restart: Callable[[], None]) -> None:
        self.url, self.restart = url, restart


@contextmanager
def restartable_cluster() -> Iterator[Cluster]:
    """Like `throwaway_cluster`, for tests that restart the server (never the shared one)."""
    bin_dir = _bin_dir()
    if bin_dir is None:
        raise PostgresUnavailable("no initdb/pg_ctl on PATH or in /usr/lib/postgresql/*/bin")
    user = None
    if os.geteuid() == 0:
        try:
            user = pwd.getpwnam("postgres")
        except KeyError:
            raise PostgresUnavailable("running as root and there is no postgres user") from None
    home = Path(tempfile.mkdtemp(prefix="tesigo-pg-"))
    if user is not None:
        os.chown(home, user.pw_uid, user.pw_gid)
    data, port = home / "data", _free_port()
    options = f"-p {port} -k {home} -c listen_addresses=127.0.0.1 -c fsync=off"

    def run(*args: str) -> None:
        subprocess.run(args, check=True, capture_output=True, timeout=60, cwd=home,
                       user=user.pw_uid if user else None, group=user.pw_gid if user else None)

    def restart() -> None:
        run(str(bin_dir / "pg_ctl"), "-D", str(data), "-l", str(home / "log"), "-w",
            "-m", "fast", "-o", options, "restart")

    try:
        try:
            run(str(bin_dir / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres",
                "-E", "UTF8", "--no-sync")
            run(str(bin_dir / "pg_ctl"), "-D", str(data), "-l", str(home / "log"), "-w",
                "-o", options, "start")
        except (OSError, subprocess.SubprocessError) as error:
            detail = getattr(error, "stderr", b"") or b""
            raise PostgresUnavailable(f"a throwaway cluster did not start: {error} "
                                      f"{detail.decode(errors='replace')[-500:]}") from error
        yield Cluster(f"postgresql://postgres@127.0.0.1:{port}/postgres", restart)
    finally:
        with suppress(OSError, subprocess.SubprocessError):
            run(str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop")
        shutil.rmtree(home, ignore_errors=True)
