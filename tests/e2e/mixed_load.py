"""A thread that drives mixed API traffic (reads, lists, creates, patches, balances and job
starts) through one signed-in client, and keeps every answer it got, with when it was asked
and answered, so a test can judge them against what happened to the service meanwhile."""

from __future__ import annotations

import itertools
import threading
import time
from dataclasses import dataclass
from typing import Any

import httpx

ESSAY = {"title": "Load", "topic": "Bridges under load", "kind": "essay", "language": "en",
         "target_words": 1200, "citation_style": "apa"}


@dataclass(frozen=True, slots=True)
class Answer:
    """One request: `status` None when no answer came (`error` says why, e.g. a timeout)."""

    method: str
    path: str
    started: float
    ended: float
    status: int | None
    content_type: str
    error: str | None
    body: Any


class MixedLoad(threading.Thread):
    """Round after round of: me, list, create, patch (to a title unique to `name` and the
    round), balance, and every `start_every`-th round a generation job on the created
    document (at most `max_jobs`). `jobs` are the jobs the service accepted (202)."""

    def __init__(self, base_url: str, auth: dict[str, str], *, name: str, timeout_s: float,
                 start_every: int = 4, max_jobs: int = 4) -> None:
        super().__init__(daemon=True)
        self._name = name
        self._client = httpx.Client(base_url=base_url, headers=auth, timeout=timeout_s)
        self._start_every, self._max_jobs = start_every, max_jobs
        self._stopping = threading.Event()
        self.answers: list[Answer] = []
        self.jobs: list[dict[str, Any]] = []

    def stop(self) -> None:
        self._stopping.set()
        self.join(timeout=60)
        self._client.close()

    def run(self) -> None:
        for round_ in itertools.count(1):
            if self._stopping.is_set():
                return
            self._ask("GET", "/api/v1/auth/me")
            self._ask("GET", "/api/v1/documents", params={"limit": 5})
            created = self._ask("POST", "/api/v1/documents", json=ESSAY)
            if created.status == 201:
                url = f"/api/v1/documents/{created.body['id']}"
                self._ask("PATCH", url, json={"title": f"{self._name} {round_}"})
                self._ask("GET", url)
                if round_ % self._start_every == 0 and len(self.jobs) < self._max_jobs:
                    started = self._ask("POST", f"{url}/generate")
                    if started.status == 202:
                        self.jobs.append(started.body)
            self._ask("GET", "/api/v1/billing/balance")
            time.sleep(0.05)

    def _ask(self, method: str, path: str, **options: Any) -> Answer:
        started = time.monotonic()
        try:
            response = self._client.request(method, path, **options)
        except httpx.HTTPError as error:
            answer = Answer(method, path, started, time.monotonic(), None, "",
                            f"{type(error).__name__}: {error}", None)
        else:
            content_type = response.headers.get("content-type", "")
            body = response.json() if "json" in content_type else response.text
            answer = Answer(method, path, started, time.monotonic(), response.status_code,
                            content_type, None, body)
        self.answers.append(answer)
        return answer
