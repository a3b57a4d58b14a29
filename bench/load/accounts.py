"""The accounts the load test's users take: each signed in through the real magic link (the
SMTP test server catches the e-mail), with written documents stored straight through the
repositories, and the PDF of its export document already in the blob store, so that the
users' exports are cache hits. Every user's export document has the same text (only the
e-mail on the title page differs), so one is rendered through the API and its file is put,
through the service's own blob store adapter, under the key of each of the others: rendering
100 PDFs on this loaded 2-core machine would take longer than the run."""

from __future__ import annotations

import asyncio
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from uuid import UUID

import httpx
from bench.seed_documents import written_document
from tests.e2e.test_serve_on_postgres import LINK
from tests.smtp_server import SmtpTestServer

from adapters.storage.local_blobs import LocalDirectoryBlobStore
from application.exports.export_document import export_key
from domain.documents import Document
from domain.ids import UserId
from domain.manuscripts import ExportFormat


@dataclass
class Account:
    email: str
    access_token: str
    refresh_token: str
    documents: list[str] = field(default_factory=list)
    export: str = ""

    def as_json(self) -> dict[str, object]:
        return asdict(self)


def sign_in(client: httpx.Client, smtp: SmtpTestServer, email: str) -> Account:
    """Magic link, the link read from the caught e-mail, then verify: a token pair."""
    answer = client.post("/api/v1/auth/magic-link", json={"email": email})
    assert answer.status_code == 202, answer.text
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        mine = [m for m in smtp.messages if email in str(m["To"])]
        if mine:
            break
        time.sleep(0.02)
    else:
        raise TimeoutError(f"no e-mail for {email}")
    text = mine[-1].get_body(preferencelist=("plain",)).get_content()  # type: ignore[union-attr]
    token = LINK.search(text).group(1)  # type: ignore[union-attr]
    pair = client.post("/api/v1/auth/verify-magic-link", json={"token": token})
    assert pair.status_code == 200, pair.text
    return Account(email=email, access_token=pair.json()["access_token"],
                   refresh_token=pair.json()["refresh_token"])


def sign_in_all(base_url: str, smtp: SmtpTestServer, emails: list[str]) -> list[Account]:
    with httpx.Client(base_url=base_url, timeout=30) as client, \
            ThreadPoolExecutor(8) as threads:
        return list(threads.map(lambda email: sign_in(client, smtp, email), emails))


def user_id(base_url: str, account: Account) -> UUID:
    me = httpx.get(f"{base_url}/api/v1/auth/me", timeout=30,
                   headers={"Authorization": f"Bearer {account.access_token}"})
    return UUID(me.json()["id"])


async def seed(database_url: str, owners: list[UUID], documents: int,
               words: int) -> dict[UUID, list[Document]]:
    """`documents` written documents of `words` words for each owner."""
    from adapters.sql.documents import SqlDocumentRepository
    from adapters.sql.engine import create_engine, make_session_factory

    engine = create_engine(database_url)
    now = datetime.now(UTC)
    seeded: dict[UUID, list[Document]] = {}
    try:
        async with make_session_factory(engine)() as session:
            for owner in owners:
                for n in range(documents):
                    document = written_document(UserId(owner), words, n, now)
                    await SqlDocumentRepository(session).add(document)
                    seeded.setdefault(owner, []).append(document)
            await session.commit()
    finally:
        await engine.dispose()
    return seeded


async def cache_pdf(storage_dir: Path, documents: list[Document], data: bytes) -> None:
    """`data` in the blob store as the PDF of each document's current revision."""
    blobs = LocalDirectoryBlobStore(storage_dir)
    for document in documents:
        await blobs.put(export_key(document.owner, document.id, document.revision,
                                   ExportFormat.PDF), data)


def export(base_url: str, account: Account, document_id: str) -> tuple[float, bytes]:
    """GET the document's PDF: the seconds it took and the file."""
    started = time.perf_counter()
    answer = httpx.get(f"{base_url}/api/v1/documents/{document_id}/export",
                       params={"format": "pdf"}, timeout=600,
                       headers={"Authorization": f"Bearer {account.access_token}"})
    assert answer.status_code == 200, answer.text
    return time.perf_counter() - started, answer.content


def prepare(base_url: str, database_url: str, storage_dir: Path, smtp: SmtpTestServer, *,
            users: int, documents: int, words: int) -> list[Account]:
    """`users` signed-in accounts with their documents, each export already cached."""
    accounts = sign_in_all(base_url, smtp, [f"writer{n}@example.com" for n in range(users)])
    owners = {user_id(base_url, account): account for account in accounts}
    seeded = asyncio.run(seed(database_url, list(owners), documents, words))
    for owner, account in owners.items():
        # the last one is exported and never patched: its revision stays the cached one
        account.documents = [str(d.id) for d in seeded[owner][:-1]]
        account.export = str(seeded[owner][-1].id)
    _, pdf = export(base_url, accounts[0], accounts[0].export)
    asyncio.run(cache_pdf(storage_dir, [seeded[o][-1] for o in list(owners)[1:]], pdf))
    return accounts


def add_documents(base_url: str, database_url: str, account: Account, documents: int,
                  words: int) -> list[str]:
    """`documents` more written documents of `words` words for `account`; their ids."""
    owner = user_id(base_url, account)
    return [str(d.id) for d in asyncio.run(seed(database_url, [owner], documents, words))[owner]]
