"""Steering through the real `tesigo serve` on PostgreSQL (offline model and sources, the
offline DOI catalogue): outline edits, the user's own text, revisions and restores, own
sources added and removed, every write against a stale revision refused, and a job that
writes over the user's text keeping it."""

import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from tests.e2e.processes import Served, run_tesigo, tesigo_env
from tests.e2e.test_serve_on_postgres import sign_in
from tests.smtp_server import SmtpTestServer

pytestmark = [pytest.mark.e2e, pytest.mark.postgres]
SPEC = {"title": "Suspension bridges", "topic": "Cable-supported bridges", "kind": "essay",
        "language": "en", "target_words": 900, "citation_style": "apa"}
CATALOGUE_DOI = "10.1038/171737a0"


@pytest.fixture
def served(own_database: str, tmp_path) -> Iterator[tuple[Served, SmtpTestServer]]:
    smtp = SmtpTestServer()
    smtp.start()
    env = tesigo_env(ENVIRONMENT="test", DATABASE_URL=own_database, SMTP_HOST=smtp.host,
                     SMTP_PORT=str(smtp.port), APP_URL="http://app.test",
                     SOURCES_PROVIDER="offline", SIGNUP_CREDITS="1000000",
                     DAILY_TOKEN_LIMIT="10000000")
    assert run_tesigo("migrate", env=env, cwd=tmp_path).returncode == 0
    served = Served(env, tmp_path)
    try:
        served.wait_until_healthy()
        yield served, smtp
    finally:
        served.stop()
        smtp.stop()


def job_done(client: httpx.Client, job_id: str, auth: dict[str, str]) -> dict[str, Any]:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        job = client.get(f"/api/v1/jobs/{job_id}", headers=auth).json()
        if job["state"] in ("succeeded", "failed", "cancelled"):
            return job  # type: ignore[no-any-return]
        time.sleep(0.1)
    raise AssertionError(f"job {job_id} did not end")


def test_steering_a_document_on_postgres(served) -> None:
    service, smtp = served
    with httpx.Client(base_url=service.url, timeout=30) as client:
        auth = sign_in(client, smtp, "ada@example.com")
        other = sign_in(client, smtp, "bob@example.com")
        document = client.post("/api/v1/documents", json=SPEC, headers=auth).json()
        doc = f"/api/v1/documents/{document['id']}"
        started = client.post(f"{doc}/generate", headers=auth)
        assert started.status_code == 202, started.text
        job = started.json()
        assert job_done(client, job["id"], auth)["state"] == "succeeded"
        document = client.get(doc, headers=auth).json()
        first, second = document["sections"][0], document["sections"][1]

        # reorder the first two sections and drop the rest
        items = [{"index": 2, "title": "Cables", "target_words": 450},
                 {"index": 1, "title": first["title"], "target_words": 450}]
        stale = client.put(f"{doc}/outline", json={"items": items, "revision": 1},
                           headers=auth)
        assert stale.status_code == 409
        edited = client.put(f"{doc}/outline",
                            json={"items": items, "revision": document["revision"]},
                            headers=auth)
        assert edited.status_code == 200, edited.text
        assert [s["text"] for s in edited.json()["sections"]] == [second["text"],
                                                                   first["text"]]
        assert client.put(f"{doc}/outline", json={"items": items}, headers=other
                          ).status_code == 404

        # the user's own text, then a restore of the model's
        n = edited.json()["sources"][0]["n"]
        mine = client.put(f"{doc}/sections/1", json={"text": f"My own words [{n}]."},
                          headers=auth)
        assert mine.status_code == 200, mine.text
        revisions = client.get(f"{doc}/sections/1/revisions", headers=auth).json()
        assert [r["origin"] for r in revisions] == ["model"]
        assert revisions[0]["text"] == second["text"]
        restored = client.post(f"{doc}/sections/1/revisions/{revisions[0]['revision']}"
                               "/restore", headers=auth)
        assert restored.status_code == 200 and restored.json()["text"] == second["text"]
        assert client.get(f"{doc}/sections/1/revisions", headers=auth).json()[0][
            "origin"] == "user"

        # own sources: by DOI (the offline catalogue), by hand, and one taken out
        by_doi = client.post(f"{doc}/sources", json={"doi": CATALOGUE_DOI}, headers=auth)
        assert by_doi.status_code == 201, by_doi.text
        again = client.post(f"{doc}/sources", json={"doi": CATALOGUE_DOI}, headers=auth)
        assert again.json()["n"] == by_doi.json()["n"]
        by_hand = client.post(f"{doc}/sources", json={
            "title": "Мости Києва", "authors": ["Тарас Шевченко"], "year": 1845},
            headers=auth)
        assert by_hand.status_code == 201 and by_hand.json()["provider"] == "user"
        cited = client.get(doc, headers=auth).json()["sections"][0]["citations"][0]
        assert client.delete(f"{doc}/sources/{cited}", headers=auth).status_code == 204
        after = client.get(doc, headers=auth).json()
        assert cited not in {s["n"] for s in after["sources"]}
        assert all(cited not in s["citations"] for s in after["sections"])

        # a job rewriting section 2 keeps the user's text of it as a revision
        client.put(f"{doc}/sections/2", json={"text": "Mine again."}, headers=auth)
        rewrite = client.post(f"{doc}/sections/2/generate",
                              json={"instructions": "Start from the towers."}, headers=auth)
        assert rewrite.status_code == 200, rewrite.text
        kept = client.get(f"{doc}/sections/2/revisions", headers=auth).json()
        assert kept[0]["text"] == "Mine again." and kept[0]["origin"] == "user"

        # everything replaced is in the GDPR export, and gone with the account
        export = client.get("/api/v1/auth/me/export", headers=auth).json()
        assert len(export["revisions"]) >= 4
        assert client.delete("/api/v1/auth/me", headers=auth).status_code == 204
