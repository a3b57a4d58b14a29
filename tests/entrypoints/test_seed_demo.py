"""`tesigo seed-demo` through click, on SQLite and on PostgreSQL, checked through the admin
and account use cases: counts, idempotency, reset, payments and the ledger, variety."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from tests.postgres import fresh_database

from adapters.sql.engine import create_engine
from adapters.sql.migrate import migrate
from application.admin.create_admin import CreateAdmin
from application.admin.get_service_stats import GetServiceStats
from application.admin.list_users import ListUsers
from application.auth.export_my_data import ExportMyData
from application.billing.get_balance import GetBalance
from domain.demo_accounts import DEMO_DOMAIN
from domain.jobs import JobState
from domain.pages import PageRequest
from domain.payments import PaymentStatus
from domain.quota import LedgerReason
from entrypoints.cli import main
from entrypoints.config import load_settings
from entrypoints.ioc import make_container

USERS, DOCUMENTS = 3, 7
BOSS = "boss@example.com"


@pytest.fixture
def sqlite_env(tmp_path: Path) -> dict[str, str]:
    return _env(tmp_path, f"sqlite:///{tmp_path}/tesigo.sqlite3")


@pytest.fixture
async def postgres_env(tmp_path: Path, postgres_server_url: str
                       ) -> AsyncIterator[dict[str, str]]:
    """A database of its own, migrated as `tesigo migrate` does."""
    async with fresh_database(postgres_server_url) as url:
        engine = create_engine(url)
        try:
            await migrate(engine)
        finally:
            await engine.dispose()
        yield _env(tmp_path, url)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def env(request: pytest.FixtureRequest) -> dict[str, str]:
    result: dict[str, str] = request.getfixturevalue(f"{request.param}_env")
    return result


def _env(tmp_path: Path, database_url: str) -> dict[str, str]:
    return {"DATABASE_URL": database_url, "STORAGE_DIR": str(tmp_path / "storage"),
            "MAIL_DIR": str(tmp_path / "mail"), "LOG_LEVEL": "WARNING", "ENVIRONMENT": "test"}


def seed(env: dict[str, str], *args: str) -> str:
    result = CliRunner().invoke(main, ["seed-demo", "--users", str(USERS), "--documents",
                                       str(DOCUMENTS), *args], env=env)
    assert result.exit_code == 0, (result.output, result.exception)
    return result.output


def figures(env: dict[str, str]) -> dict[str, Any]:
    """What an admin sees, and each demo user's documents, payments and ledger."""
    async def read() -> dict[str, Any]:
        container = make_container(load_settings(environ=env))
        try:
            async def call(use_case: type[Any], *args: Any) -> Any:
                async with container() as scope:
                    return await (await scope.get(use_case))(*args)

            boss = await call(CreateAdmin, BOSS)
            stats = await call(GetServiceStats, boss)
            users = (await call(ListUsers, boss, PageRequest(limit=100))).items
            demo = [u for u in users if u.user.email.value.endswith("@" + DEMO_DOMAIN)]
            mine = {u.user.id: await call(ExportMyData, u.user.id) for u in demo}
            balances = {u.user.id: (await call(GetBalance, u.user.id)).credits for u in demo}
            return {"stats": stats, "demo": demo, "data": mine, "balances": balances}
        finally:
            await container.close()

    return asyncio.run(read())


def test_seeding_makes_the_counts_asked_for_and_a_second_run_adds_nothing(env) -> None:
    output = seed(env)
    assert "demo accounts: 3 created" in output and "documents: 7 created" in output
    first = figures(env)
    assert (first["stats"].users, first["stats"].documents) == (USERS + 1, DOCUMENTS)
    assert len(first["demo"]) == USERS
    assert first["stats"].jobs[JobState.SUCCEEDED] >= 1
    assert first["stats"].jobs[JobState.QUEUED] == first["stats"].jobs[JobState.RUNNING] == 0

    again = seed(env)
    assert "0 created, 3 kept" in again and "documents: 0 created, 7 kept" in again
    second = figures(env)
    assert (second["stats"].users, second["stats"].documents) == (USERS + 1, DOCUMENTS)
    assert second["stats"].jobs == first["stats"].jobs
    assert {u.user.id for u in second["demo"]} == {u.user.id for u in first["demo"]}


def test_reset_replaces_the_demo_accounts_with_new_ones(env) -> None:
    seed(env)
    before = figures(env)
    output = seed(env, "--reset")
    assert "3 removed first" in output
    after = figures(env)
    assert (after["stats"].users, after["stats"].documents) == (USERS + 1, DOCUMENTS)
    assert {u.user.email for u in after["demo"]} == {u.user.email for u in before["demo"]}
    assert not {u.user.id for u in after["demo"]} & {u.user.id for u in before["demo"]}
    documents = [d.id for data in after["data"].values() for d in data.documents]
    earlier = [d.id for data in before["data"].values() for d in data.documents]
    assert len(documents) == DOCUMENTS and not set(documents) & set(earlier)


def test_payments_move_credits_and_the_ledger_adds_up(env) -> None:
    seed(env, "--payments")
    seen = figures(env)
    payments = [p for data in seen["data"].values() for p in data.payments]
    assert payments and any(p.status is PaymentStatus.SUCCEEDED for p in payments)
    assert seen["stats"].revenue
    for summary in seen["demo"]:
        data, user_id = seen["data"][summary.user.id], summary.user.id
        assert sum(e.delta for e in data.ledger) == seen["balances"][user_id] == summary.credits
        bought = sum(e.delta for e in data.ledger
                     if e.reason in (LedgerReason.PURCHASE, LedgerReason.REFUND))
        assert bought == sum(p.credits for p in data.payments
                             if p.status is PaymentStatus.SUCCEEDED)
    assert "payments: 0 created" in seed(env, "--payments")
    assert len([p for d in figures(env)["data"].values() for p in d.payments]) == len(payments)


def test_the_documents_span_languages_styles_kinds_and_stages(sqlite_env) -> None:
    seed(sqlite_env)
    documents = [d for data in figures(sqlite_env)["data"].values() for d in data.documents]
    assert len({d.spec.language.code for d in documents}) >= 5
    assert len({d.spec.citation_style for d in documents}) >= 3
    assert len({d.spec.kind for d in documents}) >= 2
    written = [d for d in documents if d.sections]
    assert written and all(d.sources for d in written)
    assert any(not d.outline for d in documents) and any(d.outline and not d.sections
                                                         for d in documents)
    assert all(d.models == ("offline",) for d in written)
    assert any(d.cited_sources() for d in written)


def test_documents_without_users_are_refused(sqlite_env) -> None:
    result = CliRunner().invoke(main, ["seed-demo", "--users", "0", "--documents", "2"],
                                env=sqlite_env)
    assert result.exit_code == 2 and "at least one demo user" in result.output


def test_production_is_refused_unless_allowed(sqlite_env) -> None:
    env = {**sqlite_env, "ENVIRONMENT": "production", "SECRET_KEY": "k" * 40,
           "SMTP_HOST": "smtp.test", "ALLOWED_HOSTS": "tesigo.test"}
    result = CliRunner().invoke(main, ["seed-demo", "--users", "1", "--documents", "0"],
                                env=env)
    assert result.exit_code == 2 and "production" in result.output
