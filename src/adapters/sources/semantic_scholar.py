"""Semantic Scholar Graph API paper search (https://api.semanticscholar.org/api-docs/graph)."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx

from adapters.sources.http_retry import RetryPolicy, Sleep, get_json
from adapters.sources.payload import abstract, count, mapping, names, records, text, year
from domain.document_parts import Provider
from domain.languages import Language
from domain.ports.sources import SourceFinder
from domain.sources import FoundWork, normalise_doi

FIELDS = "title,authors,year,venue,externalIds,url,abstract,citationCount"
MAX_PAGE = 100  # the API's largest `limit` for relevance search


class SemanticScholarSourceFinder(SourceFinder):
    """Relevance search over `/graph/v1/paper/search`.

    Semantic Scholar has no language filter, so `language` does not narrow the results: they
    come in the provider's relevance order, whatever language the works are written in.
    Hyphens in the query become spaces (the API finds nothing for hyphenated terms). Works
    carry their abstract when Semantic Scholar may serve it (publishers withhold some) and
    their citation count. Timeouts are the client's; the caller configures them on the
    `httpx.AsyncClient`.
    """

    def __init__(self, *, client: httpx.AsyncClient,
                 base_url: str = "https://api.semanticscholar.org", api_key: str | None = None,
                 max_attempts: int = 4, sleep: Sleep = asyncio.sleep) -> None:
        self._client, self._url = client, f"{base_url.rstrip('/')}/graph/v1/paper/search"
        self._headers = {"x-api-key": api_key} if api_key else {}
        self._policy = RetryPolicy(max_attempts=max_attempts, sleep=sleep)

    async def search(self, query: str, *, language: Language, limit: int) -> list[FoundWork]:
        terms = " ".join(query.replace("-", " ").split())
        if limit <= 0 or not terms:
            return []
        params = {"query": terms, "limit": str(min(limit, MAX_PAGE)), "fields": FIELDS}
        payload = await get_json(self._client, self._url, params=params, headers=self._headers,
                                 policy=self._policy, provider="Semantic Scholar")
        works = (_work(paper) for paper in records(mapping(payload).get("data")))
        return [work for work in works if work is not None][:limit]


def _work(paper: dict[str, Any]) -> FoundWork | None:
    title = text(paper.get("title"))
    if title is None:
        return None
    authors = names([text(author.get("name")) for author in records(paper.get("authors"))])
    return FoundWork(title=title, authors=authors, year=year(paper.get("year")),
                     venue=text(paper.get("venue")),
                     doi=normalise_doi(text(mapping(paper.get("externalIds")).get("DOI"))),
                     url=text(paper.get("url")), abstract=abstract(paper.get("abstract")),
                     provider=Provider.SEMANTIC_SCHOLAR,
                     cited_by=count(paper.get("citationCount")))
