from dataclasses import dataclass, replace

from application.steering.bibliography import with_bibliography
from domain.documents import Document, Provider, Source
from domain.dois import valid_doi
from domain.errors import InvalidInput
from domain.ids import DocumentId, UserId
from domain.own_sources import with_added_source, without_source
from domain.ports.bibliography import BibliographyFormatter
from domain.ports.documents import DocumentRepository
from domain.ports.doi_lookup import DoiLookup
from domain.ports.system import Clock
from domain.ports.transactions import TransactionManager
from domain.sources import FoundWork, normalise_doi

UNKNOWN_DOI = "No work with the DOI {doi} is registered with Crossref."


@dataclass(frozen=True, slots=True, kw_only=True)
class AddSourceRequest:
    """A source by DOI (`doi`), or described by hand (`work`, see
    `domain.own_sources.hand_written_work`)."""

    owner: UserId
    document_id: DocumentId
    doi: str | None = None
    work: FoundWork | None = None
    revision: int | None = None


class AddSource:
    """Add a source the user brings (`domain.own_sources` says how duplicates go).

    - by DOI: looked up through the DOI registry, outside any transaction; an unknown DOI
      is InvalidInput (422); a registry that fails or is slow is a 503/504 problem; a DOI
      already among the sources is that source, without a look-up
    - only the owner can; another user's document is NotFound; Conflict when the caller's
      `revision` is not the document's
    - the source is offered to every section written from now on
    """

    def __init__(self, documents: DocumentRepository, lookup: DoiLookup,
                 tx: TransactionManager, clock: Clock) -> None:
        self._documents, self._lookup, self._tx, self._clock = documents, lookup, tx, clock

    async def __call__(self, request: AddSourceRequest) -> Source:
        document = await self._documents.get(request.owner, request.document_id)
        document.expect(request.revision)
        work = request.work or await self._registered(document, request.doi)
        current = await self._documents.get(request.owner, request.document_id)
        changed, source = with_added_source(current, work, self._clock.now())
        if changed is not current:
            await self._documents.save(changed)
            await self._tx.commit()
        return source

    async def _registered(self, document: Document, doi: str | None) -> FoundWork:
        if doi is None:
            raise InvalidInput("give a doi, or a title, authors and year", field="doi")
        doi = valid_doi(doi)
        for known in (*document.sources, *document.removed_sources):
            if normalise_doi(known.doi) == doi:
                return FoundWork(title=known.title, authors=known.authors, year=known.year,
                                 venue=known.venue, doi=known.doi, url=known.url,
                                 abstract=known.abstract, provider=known.provider,
                                 cited_by=known.cited_by)
        await self._tx.rollback()  # no transaction stays open while the registry answers
        work = await self._lookup.look_up(doi)
        if work is None:
            raise InvalidInput(UNKNOWN_DOI.format(doi=doi), field="doi")
        if work.provider is not Provider.CROSSREF:  # the offline catalogue: the user's own
            work = replace(work, provider=Provider.USER)
        return work


@dataclass(frozen=True, slots=True, kw_only=True)
class RemoveSourceRequest:
    owner: UserId
    document_id: DocumentId
    n: int
    revision: int | None = None


class RemoveSource:
    """Take a source out of a document: no longer offered, its markers gone from every
    section, the bibliography formatted anew. NotFound for another user's document and
    for a number that is not one of its sources; Conflict for a stale `revision`."""

    def __init__(self, documents: DocumentRepository, bibliography: BibliographyFormatter,
                 tx: TransactionManager, clock: Clock) -> None:
        self._documents, self._bibliography, self._tx = documents, bibliography, tx
        self._clock = clock

    async def __call__(self, request: RemoveSourceRequest) -> Document:
        document = await self._documents.get(request.owner, request.document_id)
        document.expect(request.revision)
        changed = without_source(document, request.n, self._clock.now())
        changed = await with_bibliography(changed, self._bibliography)
        await self._documents.save(changed)
        await self._tx.commit()
        return changed
