"""The restore drill, as an operator runs it: data put in through the real `tesigo serve`
on PostgreSQL (users signed in, a document with its outline and a section, a stored PDF
export, a paid Stripe checkout with its ledger entries), `tesigo backup`, the database
dropped and the storage directory deleted, `tesigo restore`, and the service started again
answering exactly as before. A tampered copy of the archive is refused and changes nothing;
the archive restores again over the live database (`pg_restore --clean`)."""

import asyncio
import shutil
import tarfile
import time
from collections.abc import Coroutine, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import asyncpg
import httpx
import pytest
from sqlalchemy.engine import make_url
from tests.e2e.processes import Served, run_tesigo, tesigo_env
from tests.e2e.test_serve_on_postgres import sign_in
from tests.integration.stripe_server import StripeTestServer
from tests.smtp_server import SmtpTestServer
from tests.stripe_events import checkout_event
from tests.stripe_signing import signature_header

pytestmark = [pytest.mark.e2e, pytest.mark.postgres, pytest.mark.timeout(300)]
SECRET = "whsec_e2e_drill_0123456789"
SPEC = {"title": "Suspension bridges", "topic": "Cable-supported bridges in Europe",
        "kind": "essay", "language": "en", "target_words": 900, "citation_style": "apa"}
T = TypeVar("T")


@contextmanager
def serving(env: dict[str, str], cwd: Path) -> Iterator[Served]:
    """`tesigo migrate`, then `tesigo serve`, given a minute to start on a busy machine."""
    migrated = run_tesigo("migrate", env=env, cwd=cwd)
    assert migrated.returncode == 0, migrated.stderr + migrated.stdout
    served = Served(env, cwd)
    try:
        served.wait_until_healthy(timeout_s=90)
        yield served
    finally:
        served.stop()


def blocking(coroutine: Coroutine[Any, Any, T]) -> T:
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


async def ledger_rows(url: str) -> list[tuple[Any, ...]]:
    connection = await asyncpg.connect(url)
    try:
        rows = await connection.fetch("SELECT id, user_id, delta, reason, at, details "
                                      "FROM ledger_entries ORDER BY at, id")
        return [tuple(row) for row in rows]
    finally:
        await connection.close()


async def drop(server_url: str, url: str) -> None:
    connection = await asyncpg.connect(server_url)
    try:
        await connection.execute(f'DROP DATABASE "{make_url(url).database}" WITH (FORCE)')
    finally:
        await connection.close()


@pytest.fixture
def stack(own_database: str, tmp_path: Path) -> Iterator[dict[str, Any]]:
    smtp, stripe = SmtpTestServer(), StripeTestServer()
    smtp.start()
    stripe.start()
    env = tesigo_env(ENVIRONMENT="test", DATABASE_URL=own_database, SMTP_HOST=smtp.host,
                     SMTP_PORT=str(smtp.port), APP_URL="http://app.test",
                     STORAGE_DIR=str(tmp_path / "storage"), ADMIN_EMAILS="boss@example.com",
                     STRIPE_SECRET_KEY="sk_test_drill", STRIPE_WEBHOOK_SECRET=SECRET,
                     STRIPE_API_BASE=stripe.base_url)
    for name in [key for key in env if key.startswith(("OPENAI_", "SOURCES_", "LLM_"))]:
        del env[name]  # the offline model and the offline sources
    try:
        yield {"env": env, "smtp": smtp, "stripe": stripe}
    finally:
        stripe.stop()
        smtp.stop()


def put_data_in(client: httpx.Client, smtp: SmtpTestServer) -> dict[str, Any]:
    ada, boss = sign_in(client, smtp, "ada@example.com"), sign_in(client, smtp, "boss@example.com")
    created = client.post("/api/v1/documents", json=SPEC, headers=ada)
    assert created.status_code == 201, created.text
    doc = f"/api/v1/documents/{created.json()['id']}"
    assert client.post(f"{doc}/outline", headers=ada).status_code == 200
    written = client.post(f"{doc}/sections/1/generate", headers=ada)
    assert written.status_code == 200, written.text
    pdf = client.get(f"{doc}/export", params={"format": "pdf"}, headers=ada)
    assert pdf.status_code == 200, pdf.text

    [pack] = [p for p in client.get("/api/v1/billing/packages", headers=ada).json()
              if p["id"] == "thesis"]
    checkout = client.post("/api/v1/billing/checkout", json={"package_id": "thesis"},
                           headers={**ada, "Idempotency-Key": "drill-1"})
    assert checkout.status_code == 201, checkout.text
    paid = checkout_event("evt_drill_paid", "checkout.session.completed",
                          payment_id=checkout.json()["payment_id"], amount=pack["amount"],
                          currency=pack["currency"], payment_intent="pi_drill_1")
    delivered = client.post("/api/v1/billing/webhook", content=paid, headers={
        "Stripe-Signature": signature_header(paid, SECRET, int(time.time())),
        "Content-Type": "application/json"})
    assert delivered.json()["result"] == "applied", delivered.text
    return {"ada": ada, "boss": boss, "doc": doc, "pdf": pdf.content}


def answers(client: httpx.Client, data: dict[str, Any]) -> dict[str, Any]:
    ada, boss, doc = data["ada"], data["boss"], data["doc"]
    reads = {"me": ("/api/v1/auth/me", ada), "documents": ("/api/v1/documents", ada),
             "document": (doc, ada), "payments": ("/api/v1/billing/payments", ada),
             "balance": ("/api/v1/billing/balance", ada),
             "users": ("/api/v1/admin/users", boss), "stats": ("/api/v1/admin/stats", boss),
             "audit": ("/api/v1/admin/audit-log", boss)}
    got = {}
    for name, (path, auth) in reads.items():
        answer = client.get(path, headers=auth)
        assert answer.status_code == 200, (path, answer.text)
        got[name] = answer.json()
    return got


def test_backup_drop_restore_and_the_service_answers_the_same(
        stack, own_database: str, postgres_server_url: str, tmp_path: Path) -> None:
    env, storage = stack["env"], tmp_path / "storage"
    with serving(env, tmp_path) as served, httpx.Client(base_url=served.url,
                                                        timeout=120) as client:
        data = put_data_in(client, stack["smtp"])
        before = answers(client, data)
    assert before["payments"][0]["status"] == "succeeded"
    assert before["document"]["sections"][0]["text"]
    assert before["users"]["total"] == 2
    ledger = blocking(ledger_rows(own_database))
    assert {row[3] for row in ledger} >= {"signup", "purchase"}, ledger
    exports = sorted(p.relative_to(storage) for p in storage.rglob("*") if p.is_file())
    [export] = exports
    assert export.parts[0] == "exports" and (storage / export).read_bytes() == data["pdf"]

    archive = tmp_path / "backups" / "tesigo-drill.tar"
    made = run_tesigo("backup", str(archive), env=env, cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    assert "postgresql database at schema revision" in made.stdout
    assert "1 stored file(s)" in made.stdout
    assert [p.name for p in archive.parent.iterdir()] == [archive.name]  # no leftovers

    blocking(drop(postgres_server_url, own_database))
    shutil.rmtree(storage)

    restored = run_tesigo("restore", str(archive), env=env, cwd=tmp_path)
    assert restored.returncode == 0, restored.stderr
    assert "(database created)" in restored.stdout
    assert (storage / export).read_bytes() == data["pdf"]
    assert blocking(ledger_rows(own_database)) == ledger

    tampered = tmp_path / "backups" / "tampered.tar"
    raw = bytearray(archive.read_bytes())
    with tarfile.open(archive) as tar:
        dump = tar.getmember("database.pgdump")
    raw[dump.offset_data + dump.size // 2] ^= 0xFF
    tampered.write_bytes(bytes(raw))
    refused = run_tesigo("restore", str(tampered), env=env, cwd=tmp_path)
    assert refused.returncode == 2
    assert "restore refused" in refused.stderr and "damaged" in refused.stderr
    assert "Traceback" not in refused.stderr

    again = run_tesigo("restore", str(archive), env=env, cwd=tmp_path)  # over the data now
    assert again.returncode == 0, again.stderr
    assert "(database created)" not in again.stdout

    with serving(env, tmp_path) as served, httpx.Client(base_url=served.url,
                                                        timeout=120) as client:
        after = answers(client, data)
        pdf = client.get(f"{data['doc']}/export", params={"format": "pdf"},
                         headers=data["ada"])
    assert after == before
    assert pdf.status_code == 200 and pdf.content == data["pdf"]
    assert blocking(ledger_rows(own_database)) == ledger


def test_the_command_refuses_a_foreign_file_and_an_unreachable_database(tmp_path) -> None:
    foreign = tmp_path / "notes.tar"
    foreign.write_bytes(b"not an archive" * 100)
    env = tesigo_env(DATABASE_URL="postgresql://postgres@127.0.0.1:1/gone",
                     STORAGE_DIR=str(tmp_path / "storage"))
    refused = run_tesigo("restore", str(foreign), env=env, cwd=tmp_path)
    assert refused.returncode == 2
    assert "restore refused" in refused.stderr and "not a readable backup archive" in (
        refused.stderr)
    failed = run_tesigo("backup", str(tmp_path / "b.tar"), env=env, cwd=tmp_path)
    assert failed.returncode == 2
    assert "backup failed: the database does not answer" in failed.stderr
    assert "Traceback" not in refused.stderr + failed.stderr
    assert not (tmp_path / "b.tar").exists()
