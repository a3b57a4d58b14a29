"""Local stand-ins for the Semantic Scholar Graph API and OpenAlex (uvicorn in its own thread).

    with SemanticScholarTestServer() as s2:            # or server.start() / server.stop()
        s2.papers = [a_paper("Deep learning", ...)]    # what any search finds (default: 3)
        s2.plan(Reply.error(429, headers={"Retry-After": "2"}))   # then the default answer
        finder = SemanticScholarSourceFinder(client=client, base_url=s2.base_url)
        s2.requests[-1].path, .params["query"], .headers["x-api-key"]

`OpenAlexTestServer` is the same with `works` (`a_work(...)`), honouring `per-page`,
`filter=language:xx` and `select` (root fields only, as the real API). Records carry
abstracts and citation counts in each API's form (`abstract` and `citationCount`;
`abstract_inverted_index` and `cited_by_count`). Planned replies (see `Reply`) are used one
per request, in order; with none left, the server answers like the real API: the stored
records, first `limit` / `per-page` of them, and a 400 for a request the real API refuses.
`stop()` then `start()` serves on the same port; `reset()` forgets plans and requests.
"""

from __future__ import annotations

from typing import Any

from tests.integration.scholar_app import RecordedRequest, RecordingSleep, Reply, SearchApp
from tests.integration.scholar_payloads import DEFAULT_PAPERS, DEFAULT_WORKS
from tests.threaded_server import HOST, ThreadedAsgiServer

__all__ = ["OpenAlexTestServer", "RecordedRequest", "RecordingSleep", "Reply",
           "SemanticScholarTestServer"]
S2_FIELDS = frozenset(DEFAULT_PAPERS[0]) - {"paperId"}
OPENALEX_FIELDS = frozenset(DEFAULT_WORKS[0]) - {"relevance_score"}  # select takes the rest


class ScholarTestServer(ThreadedAsgiServer):
    def __init__(self, path: str, *, port: int = 0) -> None:
        super().__init__(SearchApp(path, self.answer), port=port)

    @property
    def base_url(self) -> str:
        return f"http://{HOST}:{self.port}"

    @property
    def requests(self) -> list[RecordedRequest]:
        """Every request received, in order (also those to unknown paths)."""
        return self._app.requests

    def plan(self, *replies: Reply) -> None:
        self._app.planned.extend(replies)

    @property
    def planned(self) -> int:
        """Planned replies not used yet."""
        return len(self._app.planned)

    def reset(self) -> None:
        self._app.planned.clear()
        self._app.requests.clear()

    def answer(self, params: dict[str, str]) -> tuple[int, Any]:
        raise NotImplementedError


class SemanticScholarTestServer(ScholarTestServer):
    """`GET /graph/v1/paper/search`: `paperId` plus the requested `fields` of each paper."""

    def __init__(self, *, port: int = 0) -> None:
        super().__init__("/graph/v1/paper/search", port=port)
        self.papers: list[dict[str, Any]] = list(DEFAULT_PAPERS)

    def answer(self, params: dict[str, str]) -> tuple[int, Any]:
        fields = [name for name in params.get("fields", "title").split(",") if name]
        unknown = sorted(set(fields) - S2_FIELDS)
        limit = int(params.get("limit", "100")) if params.get("limit", "1").isdigit() else 0
        if not params.get("query", "").strip():
            return 400, {"error": "Missing required parameter: 'query'"}
        if unknown:
            return 400, {"error": f"Unrecognized or unsupported fields: {unknown}"}
        if not 1 <= limit <= 100:
            return 400, {"error": "Requested limit must be between 1 and 100"}
        page = [{"paperId": paper["paperId"], **{name: paper.get(name) for name in fields}}
                for paper in self.papers[:limit]]
        body: dict[str, Any] = {"total": len(self.papers), "offset": 0, "data": page}
        if limit < len(self.papers):
            body["next"] = limit
        return 200, body


class OpenAlexTestServer(ScholarTestServer):
    """`GET /works`: the stored works, filtered by `filter=language:xx` (`|` for any of), with
    only the `select`ed fields when it is given."""

    def __init__(self, *, port: int = 0) -> None:
        super().__init__("/works", port=port)
        self.works: list[dict[str, Any]] = list(DEFAULT_WORKS)

    def answer(self, params: dict[str, str]) -> tuple[int, Any]:
        per_page = params.get("per-page", "25")
        if not per_page.isdigit() or not 1 <= int(per_page) <= 200:
            return 400, {"error": "Invalid query parameters error.",
                         "message": "per-page: must be between 1 and 200"}
        works = self.works
        for clause in filter(None, params.get("filter", "").split(",")):
            key, _, value = clause.partition(":")
            if key != "language":
                return 400, {"error": "Invalid query parameters error.",
                             "message": f"{key} is not a valid field (test server)"}
            works = [work for work in works if work.get("language") in value.split("|")]
        selected = [name for name in params.get("select", "").split(",") if name]
        if unknown := sorted(set(selected) - OPENALEX_FIELDS):
            return 400, {"error": "Invalid query parameters error.",
                         "message": f"{unknown[0]} is not a valid select field."}
        page = [{name: work.get(name) for name in selected} if selected else work
                for work in works[:int(per_page)]]
        meta = {"count": len(works), "db_response_time_ms": 23, "page": 1,
                "per_page": int(per_page), "groups_count": None}
        return 200, {"meta": meta, "results": page, "group_by": []}

