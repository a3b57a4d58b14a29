"""The cost of a generation before it is written: the most its calls would reserve, worked
out with the writer's own prompts, bounds and reservation size (`worst_case` stands in for
what is not written yet), and whether that fits the caller's credits and limits."""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from dataclasses import dataclass

from application.generation.check_prompts import check_max_tokens, check_prompt
from application.generation.continuation_prompts import continuation_prompt
from application.generation.fit import Estimate, Room
from application.generation.metered_model import MeteredModel
from application.generation.policy import GenerationPolicy
from application.generation.prompts import is_framing, outline_prompt, section_prompt, sources_for
from application.generation.section_writer import MAX_CONTINUATIONS, WRITING_CHECK_ATTEMPTS
from application.generation.worst_case import planned, with_body_written, worst_text
from domain.claims import abstracts_of, cited_sentences
from domain.documents import Document, OutlineItem
from domain.ids import DocumentId, UserId
from domain.jobs import sections_to_write
from domain.length import least_words, most_words
from domain.outline import section_count
from domain.ports.documents import DocumentRepository
from domain.ports.quota import QuotaLedger
from domain.ports.system import Clock


@dataclass(frozen=True, slots=True, kw_only=True)
class Costs:
    """The most each step of a generation reserves: the outline's call (0 when there is an
    outline) and each section's calls, by index, in the order they are written."""

    outline: int
    sections: Mapping[int, int]

    @property
    def total(self) -> int:
        return self.outline + sum(self.sections.values())


class GenerationEstimator:
    """The most a generation reserves, call by call, as the writer makes its calls:

    - the outline (one structured call), when there is none yet; then the sections of the
      outline it may plan (`worst_case.planned`)
    - each section: its first call, MAX_CONTINUATIONS continuations of a text one word short
      of long enough, and the check of a text as long as it may stay, citing every source
      with an abstract the section is given
    - body sections from the document as it is; the introduction and the conclusion, which
      come last, from the document with the body written
    """

    def __init__(self, metered: MeteredModel, policy: GenerationPolicy) -> None:
        self._metered, self._policy = metered, policy

    def costs(self, document: Document, chosen: tuple[int, ...] | None = None,
              instructions: str | None = None) -> Costs:
        """What writing `chosen` (None: what a job writes by default) reserves at most;
        raises as `domain.jobs.sections_to_write` does for a choice it refuses."""
        indexes, outline = sections_to_write(document, chosen), 0
        if not document.outline:
            count = section_count(document.spec.kind, document.spec.target_words)
            outline = self._metered.most(outline_prompt(document, count),
                                         self._policy.outline_max_tokens(count),
                                         structured=True)
            document = planned(document, self._policy)
            indexes = tuple(item.index for item in document.outline)
        items = [document.planned_section(index) for index in indexes]
        framed = with_body_written(document, [i for i in items if not is_framing(document, i)])
        checks: dict[tuple[int, tuple[int, ...]], int] = {}
        return Costs(outline=outline, sections={
            item.index: self.section(framed if is_framing(document, item) else document, item,
                                     instructions, checks) for item in items})

    async def work_out(self, document: Document, chosen: tuple[int, ...] | None = None,
                       instructions: str | None = None) -> Costs:
        """`costs`, worked out in a thread: for a long document it takes a while."""
        return await asyncio.to_thread(self.costs, document, chosen, instructions)

    def section(self, document: Document, item: OutlineItem, instructions: str | None = None,
                checks: dict[tuple[int, tuple[int, ...]], int] | None = None) -> int:
        """What writing `item` of `document` reserves at most. `checks` keeps the checks
        worked out for other sections of the document, by budget and sources cited."""
        limit, budget = self._policy.sources_per_section, item.target_words
        text_tokens = self._policy.section_max_tokens(budget)
        first = self._metered.most(section_prompt(document, item, limit, instructions),
                                   text_tokens)
        abstracts = abstracts_of(document.sources)
        cited = tuple(s.n for s in sources_for(document, item, limit) if abstracts.get(s.n))
        so_far = worst_text(least_words(budget) - 1, cited)
        more = self._metered.most(continuation_prompt(document, item, so_far, budget,
                                                      sources_limit=limit), text_tokens)
        checks = {} if checks is None else checks
        if (budget, cited) not in checks:
            checks[budget, cited] = self._check(document, budget, cited)
        return first + MAX_CONTINUATIONS * more + checks[budget, cited]

    def _check(self, document: Document, budget: int, cited: tuple[int, ...]) -> int:
        sentences = cited_sentences(worst_text(most_words(budget), cited))
        prompt = check_prompt(document, sentences, document.sources)
        return 0 if prompt is None else self._metered.most(
            prompt, check_max_tokens(sentences, abstracts_of(document.sources)),
            structured=True, attempts=WRITING_CHECK_ATTEMPTS)


async def room_left(ledger: QuotaLedger, owner: UserId, clock: Clock,
                    policy: GenerationPolicy) -> Room:
    now = clock.now()
    return Room.of(await ledger.balance(owner, now, policy.limits), await ledger.used_today(now),
                   policy.limits)


def estimate(costs: Costs, room: Room) -> Estimate:
    return Estimate(sections_to_write=len(costs.sections), max_tokens=costs.total,
                    limit=room.broken_by(costs.total))


class EstimateGeneration:
    """What generating a document would reserve at most, against what the caller has left.

    - only the owner can ask; another user's document is NotFound
    - it counts what a job would write: the outline if missing and every section not yet
      written, or the `sections` chosen (refused as StartGeneration refuses them)
    - it fits when the total fits the caller's credits less what is held, their daily limit
      and the service's; else `limit` names the first of those it breaks
    """

    def __init__(self, documents: DocumentRepository, estimator: GenerationEstimator,
                 ledger: QuotaLedger, clock: Clock, policy: GenerationPolicy) -> None:
        self._documents, self._estimator, self._ledger = documents, estimator, ledger
        self._clock, self._policy = clock, policy

    async def __call__(self, owner: UserId, document_id: DocumentId,
                       sections: tuple[int, ...] | None = None,
                       instructions: str | None = None) -> Estimate:
        document = await self._documents.get(owner, document_id)
        costs = await self._estimator.work_out(document, sections, instructions)
        return estimate(costs, await room_left(self._ledger, owner, self._clock, self._policy))
