"""OpenAlex works search (https://docs.openalex.org/api-entities/works/search-works)."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx

from adapters.sources.http_retry import RetryPolicy, Sleep, get_json
from adapters.sources.openalex_abstract import rebuilt_abstract
from adapters.sources.payload import count, mapping, names, records, text, year
from domain.document_parts import Provider
from domain.languages import Language
from domain.ports.sources import SourceFinder
from domain.sources import FoundWork, normalise_doi, normalise_title

MAX_PAGE = 200  # the API's largest `per-page`
# Only what `_work` reads: a full work object is tens of kilobytes (references, concepts...).
SELECT = ("id,doi,title,display_name,publication_year,primary_location,authorships,"
          "abstract_inverted_index,cited_by_count")


class OpenAlexSourceFinder(SourceFinder):
    """Full-text search over `/works`, preferring works in the document's language.

    OpenAlex tags works with ISO 639-1 codes, so the first request filters with
    `language:<code>`; when that finds fewer than `limit` works, an unfiltered search tops the
    list up (works already listed, by DOI or title, are not repeated). Abstracts are rebuilt
    from OpenAlex's inverted index (see `openalex_abstract`); `cited_by` is its citation
    count. `select` asks only for the fields read. `mailto` puts the requests in OpenAlex's
    polite pool. Timeouts are the client's.
    """

    def __init__(self, *, client: httpx.AsyncClient, base_url: str = "https://api.openalex.org",
                 mailto: str | None = None, max_attempts: int = 4,
                 sleep: Sleep = asyncio.sleep) -> None:
        self._client, self._url = client, f"{base_url.rstrip('/')}/works"
        self._mailto = mailto
        self._policy = RetryPolicy(max_attempts=max_attempts, sleep=sleep)

    async def search(self, query: str, *, language: Language, limit: int) -> list[FoundWork]:
        terms = " ".join(query.split())
        if limit <= 0 or not terms:
            return []
        preferred = await self._search(terms, limit, f"language:{language.code}")
        if len(preferred) >= limit:
            return preferred[:limit]
        return _merged(preferred, await self._search(terms, limit, None), limit)

    async def _search(self, terms: str, limit: int, filter_: str | None) -> list[FoundWork]:
        params = {"search": terms, "per-page": str(min(limit, MAX_PAGE)), "select": SELECT}
        if filter_:
            params["filter"] = filter_
        if self._mailto:
            params["mailto"] = self._mailto
        payload = await get_json(self._client, self._url, params=params, headers={},
                                 policy=self._policy, provider="OpenAlex")
        works = (_work(result) for result in records(mapping(payload).get("results")))
        return [work for work in works if work is not None]


def _merged(first: list[FoundWork], then: list[FoundWork], limit: int) -> list[FoundWork]:
    merged, seen = list(first), set[str]().union(*map(_identity, first))
    for work in then:
        if len(merged) >= limit:
            break
        keys = _identity(work)
        if not keys & seen:
            merged.append(work)
            seen |= keys
    return merged


def _identity(work: FoundWork) -> set[str]:
    doi = normalise_doi(work.doi)
    return {f"title:{normalise_title(work.title)}"} | ({f"doi:{doi}"} if doi else set())


def _work(result: dict[str, Any]) -> FoundWork | None:
    title = text(result.get("display_name")) or text(result.get("title"))
    if title is None:
        return None
    location = mapping(result.get("primary_location"))
    authors = names([text(mapping(authorship.get("author")).get("display_name"))
                     or text(authorship.get("raw_author_name"))
                     for authorship in records(result.get("authorships"))])
    return FoundWork(title=title, authors=authors, year=year(result.get("publication_year")),
                     venue=text(mapping(location.get("source")).get("display_name")),
                     doi=normalise_doi(text(result.get("doi"))),
                     url=text(location.get("landing_page_url")) or text(result.get("id")),
                     abstract=rebuilt_abstract(result.get("abstract_inverted_index")),
                     provider=Provider.OPENALEX, cited_by=count(result.get("cited_by_count")))
