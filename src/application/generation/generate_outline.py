from typing import Any

from application.generation.metered_model import MeteredModel
from application.generation.policy import GenerationPolicy
from application.generation.prompts import OUTLINE_SCHEMA, outline_prompt
from domain.documents import Document, OutlineItem
from domain.errors import InvalidInput
from domain.ids import DocumentId, UserId
from domain.outline import plan_outline, section_count
from domain.ports.documents import DocumentRepository
from domain.ports.language_model import InvalidModelOutput
from domain.ports.quota import QuotaLedger
from domain.ports.sources import SourceFinder
from domain.ports.system import Clock
from domain.ports.transactions import TransactionManager
from domain.sources import number_sources


class GenerateOutline:
    """Plan a document: find its sources, then ask the model for an outline.

    - sources are searched in the document's language, deduplicated and numbered once; a
      document that has sources keeps them
    - the number of sections follows the kind and length; word budgets sum to the target
    - the call's maximum cost is reserved first (QuotaExceeded before anything reaches the
      model) and settled at the real usage; a failed call is released, never charged
    - a new outline replaces the old one and drops sections written for it
    """

    def __init__(self, documents: DocumentRepository, finder: SourceFinder,
                 metered: MeteredModel, ledger: QuotaLedger, tx: TransactionManager,
                 clock: Clock, policy: GenerationPolicy) -> None:
        self._documents, self._finder, self._metered = documents, finder, metered
        self._ledger, self._tx, self._clock, self._policy = ledger, tx, clock, policy

    async def __call__(self, owner: UserId, id: DocumentId) -> Document:
        document = await self._documents.get(owner, id)
        spec = document.spec
        sources = document.sources or number_sources(
            await self._finder.search(f"{spec.title}. {spec.topic}", language=spec.language,
                                      limit=self._policy.sources_per_document * 2),
            limit=self._policy.sources_per_document)
        count = section_count(spec.kind, spec.target_words)
        prompt = outline_prompt(document, sources, count)
        max_tokens = self._policy.outline_max_tokens(count)
        reservation = await self._metered.reserve(owner, prompt, max_tokens,
                                                  attempts=self._metered.model.json_attempts)
        try:
            answer, completion = await self._metered.model.complete_json(
                prompt, schema=OUTLINE_SCHEMA, schema_name="outline", max_tokens=max_tokens)
            outline = _planned(answer, spec.target_words)
        except BaseException:
            await self._metered.abandon(reservation)
            raise
        document = await self._documents.get(owner, id)
        await self._ledger.settle(reservation.id, completion.usage, self._clock.now())
        planned = document.with_outline(outline, sources, self._clock.now())
        await self._documents.save(planned)
        await self._tx.commit()
        return planned


def _planned(answer: dict[str, Any], target_words: int) -> tuple[OutlineItem, ...]:
    try:
        drafted = [(str(item["title"]), int(item["target_words"])) for item in answer["sections"]]
        return plan_outline(drafted, target_words)
    except (KeyError, TypeError, ValueError) as error:
        raise InvalidModelOutput("The outline the model returned has the wrong shape.") from error
    except InvalidInput as error:
        raise InvalidModelOutput(f"The model's outline is unusable: {error.message}") from error
