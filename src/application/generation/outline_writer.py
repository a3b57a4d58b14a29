"""Planning a document: the model's outline, then every section's searches merged into the
document's numbered sources. Shared by the synchronous endpoint and the job runner."""

import asyncio
import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from application.generation.metered_model import Holder, MeteredModel, Spent
from application.generation.policy import GenerationPolicy
from application.generation.prompts import OUTLINE_SCHEMA, QUERY_CHARS, outline_prompt, trimmed
from domain.documents import Document, OutlineItem
from domain.errors import InvalidInput
from domain.ids import DocumentId, UserId
from domain.outline import plan_outline, section_count
from domain.ports.documents import DocumentRepository
from domain.ports.language_model import InvalidModelOutput
from domain.ports.sources import SourceFinder, SourcesUnavailable
from domain.ports.system import Clock
from domain.sources import FoundWork, merge_sources, sources_wanted

SEARCH_CONCURRENCY = 4
MAX_RESULTS_PER_QUERY = 100


@dataclass(frozen=True, slots=True, kw_only=True)
class Outlined:
    """The planned document, and the call to settle in the transaction that saves it."""

    document: Document
    spent: tuple[Spent, ...]


class OutlineWriter:
    """Plans a document.

    - the model gives each section a title, a word budget, a brief and one to three search
      queries (in the document's language, and in English when that is another)
    - every query is searched; the results are merged into the document's numbered sources
      (`merge_sources`), as many as the length wants (`sources_wanted`), and each section
      keeps the numbers its own queries found
    - a search that fails finds nothing; when every search fails the step fails, and a
      failed step is charged nothing
    """

    def __init__(self, documents: DocumentRepository, finder: SourceFinder,
                 metered: MeteredModel, clock: Clock, policy: GenerationPolicy) -> None:
        self._documents, self._finder, self._metered = documents, finder, metered
        self._clock, self._policy = clock, policy

    async def draft(self, owner: UserId, id: DocumentId, holder: Holder | None = None,
                    ) -> Outlined:
        document = await self._documents.get(owner, id)
        spec = document.spec
        count = section_count(spec.kind, spec.target_words)
        answer, spent = await self._metered.complete_json(
            owner, outline_prompt(document, count), schema=OUTLINE_SCHEMA,
            schema_name="outline", max_tokens=self._policy.outline_max_tokens(count),
            holder=holder)
        try:
            outline = _planned(answer, spec.target_words)
            results = await self._search(document, outline)
        except BaseException:
            await self._metered.abandon_all([spent])
            raise
        document = await self._documents.get(owner, id)
        wanted = max(sources_wanted(spec.target_words, self._policy.sources_max),
                     len(document.sources))
        sources, found = merge_sources(document.sources, results, wanted,
                                       retired=document.removed_sources)
        outline = _with_found_sources(outline, found)
        return Outlined(document=document.with_outline(outline, sources, self._clock.now()),
                        spent=(spent,))

    async def _search(self, document: Document,
                      outline: Sequence[OutlineItem]) -> list[list[FoundWork]]:
        """Every query of every item, a few at a time, in outline order."""
        queries = [query for item in outline for query in item.queries]
        wanted = sources_wanted(document.spec.target_words, self._policy.sources_max)
        per_query = min(MAX_RESULTS_PER_QUERY, max(5, math.ceil(2 * wanted / len(queries))))
        gate = asyncio.Semaphore(SEARCH_CONCURRENCY)

        async def search(query: str) -> list[FoundWork]:
            async with gate:
                return await self._finder.search(query, language=document.spec.language,
                                                 limit=per_query)

        answers = await asyncio.gather(*(search(q) for q in queries), return_exceptions=True)
        failures = [a for a in answers if isinstance(a, BaseException)]
        for failure in failures:
            if not isinstance(failure, SourcesUnavailable) or len(failures) == len(answers):
                raise failure
        return [a if not isinstance(a, BaseException) else [] for a in answers]


def _planned(answer: dict[str, Any], target_words: int) -> tuple[OutlineItem, ...]:
    try:
        items = list(answer["sections"])
        planned = plan_outline([(str(i["title"]), int(i["target_words"])) for i in items],
                               target_words)
        extras = [(" ".join(str(i.get("brief", "")).split()), _queries(i.get("queries", ())))
                  for i in items]
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise InvalidModelOutput("The outline the model returned has the wrong shape.") from error
    except InvalidInput as error:
        raise InvalidModelOutput(f"The model's outline is unusable: {error.message}") from error
    return tuple(replace(item, brief=brief, queries=queries or (item.title,))
                 for item, (brief, queries) in zip(planned, extras, strict=True))


def _queries(given: Any) -> tuple[str, ...]:
    cleaned = (trimmed(str(query), QUERY_CHARS) for query in list(given)[:3])
    return tuple(dict.fromkeys(query for query in cleaned if query))


def _with_found_sources(outline: Sequence[OutlineItem],
                        found: Sequence[tuple[int, ...]]) -> tuple[OutlineItem, ...]:
    """Each item with the sources its own queries found, interleaved by rank."""
    results = iter(found)
    planned = []
    for item in outline:
        lists = [next(results) for _ in item.queries]
        longest = max((len(numbers) for numbers in lists), default=0)
        interleaved = [numbers[rank] for rank in range(longest)
                       for numbers in lists if rank < len(numbers)]
        planned.append(replace(item, sources=tuple(dict.fromkeys(interleaved))))
    return tuple(planned)
