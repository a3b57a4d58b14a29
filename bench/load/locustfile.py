"""The users of the load test: each takes one signed-in account prepared by
`bench/load_test.py` (sign-in itself is not what is measured) and then, with a think time
between requests, does what a writer does most: list and read documents, check the balance,
now and then refresh the session, create or patch a document, and export a finished one
whose file is already cached.

    LOAD_ACCOUNTS=accounts.json [LOAD_REQUEST_LOG=requests.csv] \
        uv run --group bench locust -f bench/load/locustfile.py --headless -u 100 -r 20 -t 5m \
        --host http://127.0.0.1:8000

`LOAD_ACCOUNTS` is a JSON list of `{"access_token", "refresh_token", "documents": [id...],
"export": id}`, one per user at least: two users never share a refresh token (a rotated-out
token revokes the whole session). `LOAD_REQUEST_LOG`, if set, receives one CSV line per
request (`end_unix_s,name,ms,ok`) so the runner can cut windows out of the run.
"""

from __future__ import annotations

import itertools
import json
import os
import random
import time
from pathlib import Path
from typing import Any

from locust import between, events, task
from locust.contrib.fasthttp import FastHttpUser

ACCOUNTS: list[dict[str, Any]] = json.loads(Path(os.environ["LOAD_ACCOUNTS"]).read_text())
_next_account = itertools.count()
_log = (Path(os.environ["LOAD_REQUEST_LOG"]).open("a")  # noqa: SIM115  # open for the run
        if os.environ.get("LOAD_REQUEST_LOG") else None)
THINK_S = tuple(float(s) for s in os.environ.get("LOAD_THINK_S", "0.5,2").split(","))

PATCH_TITLES = ("Bridges of the Carpathians", "Suspension bridges", "On bridges")


@events.request.add_listener
def log_request(request_type: str, name: str, response_time: float, response_length: int,
                exception: BaseException | None, **_: Any) -> None:
    if _log is not None:
        _log.write(f"{time.time():.3f},{name},{response_time:.2f},{int(exception is None)}\n")


@events.quitting.add_listener
def close_log(**_: Any) -> None:
    if _log is not None:
        _log.flush()


class Writer(FastHttpUser):
    """One signed-in writer; the weights make reads dominate (list + read + balance ≈ 3/4)."""

    wait_time = between(*THINK_S)

    def on_start(self) -> None:
        index = next(_next_account)
        if index >= len(ACCOUNTS):
            raise RuntimeError(f"{len(ACCOUNTS)} accounts for more users: one account each")
        account = ACCOUNTS[index]
        self.access, self.refresh_token = account["access_token"], account["refresh_token"]
        self.documents: list[str] = list(account["documents"])
        self.export_id: str = account["export"]

    @property
    def auth(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.access}"}

    @task(30)
    def list_documents(self) -> None:
        self.client.get("/api/v1/documents?limit=20&offset=0", headers=self.auth,
                        name="list documents")

    @task(30)
    def read_document(self) -> None:
        self.client.get(f"/api/v1/documents/{random.choice(self.documents)}",
                        headers=self.auth, name="read document")

    @task(12)
    def balance(self) -> None:
        self.client.get("/api/v1/billing/balance", headers=self.auth, name="balance")

    @task(8)
    def cached_export(self) -> None:
        self.client.get(f"/api/v1/documents/{self.export_id}/export?format=pdf",
                        headers=self.auth, name="cached export (pdf)")

    @task(8)
    def patch_document(self) -> None:
        self.client.patch(f"/api/v1/documents/{random.choice(self.documents)}",
                          json={"title": random.choice(PATCH_TITLES)}, headers=self.auth,
                          name="patch document")

    @task(6)
    def create_document(self) -> None:
        with self.client.post("/api/v1/documents", json={
                "title": "A new essay", "topic": "Bridges", "kind": "essay", "language": "en",
                "target_words": 1500, "citation_style": "apa"}, headers=self.auth,
                name="create document", catch_response=True) as answer:
            if answer.status_code == 201:
                self.documents.append(answer.json()["id"])
                answer.success()
            else:
                answer.failure(f"{answer.status_code}")

    @task(6)
    def refresh(self) -> None:
        with self.client.post("/api/v1/auth/refresh", json={"refresh_token": self.refresh_token},
                              name="refresh session", catch_response=True) as answer:
            if answer.status_code == 200:
                pair = answer.json()
                self.access, self.refresh_token = pair["access_token"], pair["refresh_token"]
                answer.success()
            else:
                answer.failure(f"{answer.status_code}")
