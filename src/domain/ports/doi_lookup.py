from abc import abstractmethod
from typing import Protocol

from domain.errors import DomainError
from domain.sources import FoundWork


class LookupTimedOut(DomainError):
    default_message = "The DOI registry did not answer in time; try again shortly."


class DoiLookup(Protocol):
    """Finds the work a DOI names, in a DOI registry (Crossref).

    - `look_up` first checks `doi` (see `domain.dois.valid_doi`): one that is not a DOI
      raises InvalidInput naming the field `doi`, before any request is made
    - returns the work with its DOI normalised (`normalise_doi`) and `provider` saying who
      supplied the record (Crossref: `Provider.CROSSREF`; the offline catalogue: `OFFLINE`)
    - returns None for a DOI the registry does not know (Crossref answers 404), or knows
      only without a title (such a record cannot be cited)
    - the registry failing (5xx, 429, an unreadable answer) or being unreachable raises
      SourcesUnavailable, after bounded retries of transient failures
    - the whole look-up, retries included, is bounded in time: a registry that does not
      answer within it raises LookupTimedOut; the call never hangs
    """

    @abstractmethod
    async def look_up(self, doi: str) -> FoundWork | None: ...
