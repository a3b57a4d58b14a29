"""A PostgreSQL primary and its streaming replica, both of their own, on free ports.

The primary runs with wal_level=replica and admits replication from 127.0.0.1 (trust); the
replica is `pg_basebackup -R` of it, started on another port as a hot standby. Both are
stopped and removed on the way out whatever happened.
"""

from __future__ import annotations

import os
import pwd
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

from tests.postgres import PostgresUnavailable, _bin_dir, _free_port

HBA = """local all all trust
host all all 127.0.0.1/32 trust
host replication all 127.0.0.1/32 trust
"""


@dataclass(frozen=True, slots=True)
class Replicated:
    primary_url: str
    replica_url: str
    stop_replica: Callable[[], None]  # a fast shutdown of the replica


@contextmanager
def primary_and_replica() -> Iterator[Replicated]:
    bin_dir = _bin_dir()
    if bin_dir is None:
        raise PostgresUnavailable("no initdb/pg_ctl on PATH or in /usr/lib/postgresql/*/bin")
    bin_dir = Path(os.path.realpath(bin_dir / "initdb")).parent  # beside it: pg_basebackup
    user = pwd.getpwnam("postgres") if os.geteuid() == 0 else None
    home = Path(tempfile.mkdtemp(prefix="tesigo-pg-replica-"))
    if user is not None:
        os.chown(home, user.pw_uid, user.pw_gid)
    primary, replica = home / "primary", home / "replica"
    primary_port, replica_port = _free_port(), _free_port()

    def run(*args: str) -> None:
        subprocess.run(args, check=True, capture_output=True, timeout=120, cwd=home,
                       user=user.pw_uid if user else None, group=user.pw_gid if user else None)

    def start(data: Path, port: int, *options: str) -> None:
        run(str(bin_dir / "pg_ctl"), "-D", str(data), "-l", str(home / f"{data.name}.log"),
            "-w", "-o", f"-p {port} -k {home} -c listen_addresses=127.0.0.1 -c fsync=off "
                        + " ".join(options), "start")

    def stop(data: Path) -> None:
        with suppress(OSError, subprocess.SubprocessError):
            run(str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "fast", "stop")

    try:
        try:
            run(str(bin_dir / "initdb"), "-D", str(primary), "-A", "trust", "-U", "postgres",
                "-E", "UTF8", "--no-sync")
            (primary / "pg_hba.conf").write_text(HBA)
            start(primary, primary_port, "-c wal_level=replica -c max_wal_senders=5")
            run(str(bin_dir / "pg_basebackup"), "-R", "-D", str(replica), "-h", "127.0.0.1",
                "-p", str(primary_port), "-U", "postgres", "--no-sync")
            start(replica, replica_port, "-c hot_standby=on")
        except (OSError, subprocess.SubprocessError) as error:
            detail = getattr(error, "stderr", b"") or b""
            raise PostgresUnavailable(f"the replicated pair did not start: {error} "
                                      f"{detail.decode(errors='replace')[-500:]}") from error
        yield Replicated(primary_url=f"postgresql://postgres@127.0.0.1:{primary_port}/postgres",
                         replica_url=f"postgresql://postgres@127.0.0.1:{replica_port}/postgres",
                         stop_replica=lambda: stop(replica))
    finally:
        stop(replica)
        stop(primary)
        shutil.rmtree(home, ignore_errors=True)
