"""DATABASE_REPLICA_URL against a real streaming replica: the read-only screens read it
while it is up and close behind, the primary when it is down or lags past
REPLICA_MAX_LAG_S; writes, and reads of one's own writes, always go to the primary."""

import asyncio
import os
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from dishka import AsyncContainer
from prometheus_client import REGISTRY
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from tests.builders import a_spec
from tests.e2e.replica_cluster import Replicated, primary_and_replica
from tests.postgres import PostgresUnavailable

from adapters.sql.engine import create_engine
from application.admin.create_admin import CreateAdmin
from application.admin.get_service_stats import GetServiceStats
from application.admin.list_audit_log import ListAuditLog
from application.admin.list_users import ListUsers
from application.billing.list_payments import ListPayments
from application.documents.create_document import CreateDocument, CreateDocumentRequest
from application.documents.get_document import GetDocument
from application.documents.list_documents import ListDocuments
from domain.pages import PageRequest
from domain.users import User
from entrypoints.cli import main
from entrypoints.config import Settings, load_settings
from entrypoints.ioc import make_container

pytestmark = [pytest.mark.postgres, pytest.mark.e2e]
PAGE = PageRequest(limit=50)


@pytest.fixture
def pair(tmp_path: Path) -> Iterator[Replicated]:
    try:
        with primary_and_replica() as started:
            env = env_for(started, tmp_path)
            result = CliRunner().invoke(main, ["migrate"], env=env)  # the replica is set
            assert result.exit_code == 0, result.output
            yield started
    except PostgresUnavailable as error:
        if os.environ.get("CI") == "true":
            pytest.fail(f"replicated PostgreSQL unavailable: {error}")
        pytest.skip(f"replicated PostgreSQL unavailable: {error}")


def env_for(pair: Replicated, tmp_path: Path) -> dict[str, str]:
    return {"DATABASE_URL": pair.primary_url, "DATABASE_REPLICA_URL": pair.replica_url,
            "REPLICA_MAX_LAG_S": "1", "STORAGE_DIR": str(tmp_path / "storage"),
            "MAIL_DIR": str(tmp_path / "mail")}


@pytest.fixture
def settings(pair: Replicated, tmp_path: Path) -> Settings:
    return load_settings(env_for(pair, tmp_path))


@pytest.fixture
async def container(settings: Settings) -> AsyncIterator[AsyncContainer]:
    container = make_container(settings, read_replica=True)
    yield container
    await container.close()


async def run(container: AsyncContainer, use_case: type[Any], *args: Any) -> Any:
    async with container() as scope:
        return await (await scope.get(use_case))(*args)


def served(by: str) -> float:
    return REGISTRY.get_sample_value("tesigo_replica_reads_total", {"served_by": by}) or 0.0


async def documents_seen(container: AsyncContainer, admin: User, want: int, *,
                         from_replica: bool = False) -> int:
    """The documents list's total once it shows `want` documents, read from the replica
    when `from_replica`; after 15 s without, the last total seen (-1: none from the
    replica)."""
    deadline = time.monotonic() + 15
    while True:
        before = served("replica")
        total = int((await run(container, ListDocuments, admin.id, PAGE)).total)
        if total == want and (served("replica") > before or not from_replica):
            return total
        if time.monotonic() > deadline:
            return -1 if from_replica else total
        await asyncio.sleep(0.2)


async def a_document(container: AsyncContainer, admin: User) -> None:
    await run(container, CreateDocument, CreateDocumentRequest(owner=admin.id, spec=a_spec()))


async def on_replica(pair: Replicated, sql: str) -> Any:
    engine = create_engine(pair.replica_url)
    try:
        async with engine.connect() as connection:
            return (await connection.execute(text(sql))).scalar()
    finally:
        await engine.dispose()


async def test_what_the_app_wrote_shows_up_on_the_replica_screens(
        container: AsyncContainer) -> None:
    admin = await run(container, CreateAdmin, "ada@example.org")
    await a_document(container, admin)
    assert await documents_seen(container, admin, 1, from_replica=True) == 1
    await asyncio.sleep(2.5)  # idle past REPLICA_MAX_LAG_S and the check's cache: no WAL
    before = served("replica")  # to replay is no lag, however long ago the last write
    assert (await run(container, ListDocuments, admin.id, PAGE)).total == 1
    assert served("replica") == before + 1
    users = await run(container, ListUsers, admin, PAGE)
    assert [u.user.email.value for u in users.items] == ["ada@example.org"]
    assert (await run(container, GetServiceStats, admin)).documents == 1
    assert (await run(container, ListAuditLog, admin, PAGE)).total >= 1
    assert (await run(container, ListPayments, admin.id, PAGE)).total == 0


async def test_with_the_replica_stopped_the_screens_answer_from_the_primary(
        pair: Replicated, settings: Settings) -> None:
    pair.stop_replica()
    container = make_container(settings, read_replica=True)
    try:
        admin = await run(container, CreateAdmin, "ada@example.org")
        await a_document(container, admin)
        before = served("primary")
        assert (await run(container, ListDocuments, admin.id, PAGE)).total == 1
        assert (await run(container, GetServiceStats, admin)).documents == 1
        assert (await run(container, ListUsers, admin, PAGE)).total == 1
        assert served("primary") >= before + 3
    finally:
        await container.close()


async def test_a_replica_lagging_past_the_limit_is_skipped(
        pair: Replicated, container: AsyncContainer) -> None:
    admin = await run(container, CreateAdmin, "ada@example.org")
    await a_document(container, admin)
    assert await documents_seen(container, admin, 1, from_replica=True) == 1  # caught up
    await on_replica(pair, "SELECT pg_wal_replay_pause()")
    await a_document(container, admin)
    before = served("primary")
    assert await documents_seen(container, admin, 2) == 2  # within lag + the check's cache
    assert served("primary") > before
    assert await on_replica(pair, "SELECT count(*) FROM documents") == 1  # still behind


async def test_writes_and_reads_of_own_writes_go_to_the_primary(
        pair: Replicated, container: AsyncContainer) -> None:
    admin = await run(container, CreateAdmin, "ada@example.org")
    again = await run(container, CreateAdmin, "ada@example.org")  # reads it, then no write
    assert again.id == admin.id
    document = await run(container, CreateDocument,
                         CreateDocumentRequest(owner=admin.id, spec=a_spec()))
    assert (await run(container, GetDocument, admin.id, document.id)).id == document.id
    with pytest.raises(DBAPIError, match="read-only transaction"):
        await on_replica(pair, "CREATE TABLE nothing (id int)")


async def test_the_worker_and_the_cli_read_only_the_primary(settings: Settings) -> None:
    container = make_container(settings)  # as the worker and the `tesigo` commands make it
    try:
        admin = await run(container, CreateAdmin, "ada@example.org")
        await a_document(container, admin)
        counted = served("replica") + served("primary")
        assert (await run(container, ListDocuments, admin.id, PAGE)).total == 1
        assert served("replica") + served("primary") == counted
    finally:
        await container.close()
