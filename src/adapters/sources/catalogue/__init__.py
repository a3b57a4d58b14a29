"""The offline source list: genuine, well-known scholarly works with their real metadata.

Every entry is a published work: title, authors, year, venue and DOI are the real ones, and
a DOI is given only where it is known to be the publisher's (books and works that predate
DOIs have none). Add only works you can check; never invent one.

The abstracts are NOT the publishers' abstracts, which cannot be fetched without a network:
each is a short summary of what the work does and finds, written for this catalogue. The
service labels everything the offline list supplies as offline, so that nobody mistakes
these summaries for quoted abstracts.

The works are grouped by field, one module each; `CATALOGUE` is all of them.
"""

from adapters.sources.catalogue.ai import ARTIFICIAL_INTELLIGENCE
from adapters.sources.catalogue.computing import COMPUTING
from adapters.sources.catalogue.cyrillic import CYRILLIC_WORKS
from adapters.sources.catalogue.economics import ECONOMICS
from adapters.sources.catalogue.education import EDUCATION_WORKS
from adapters.sources.catalogue.engineering import ENGINEERING
from adapters.sources.catalogue.entry import CatalogueWork
from adapters.sources.catalogue.environment import ENVIRONMENT_WORKS
from adapters.sources.catalogue.finance import FINANCE_WORKS
from adapters.sources.catalogue.history import HISTORY_WORKS
from adapters.sources.catalogue.law import LAW_WORKS
from adapters.sources.catalogue.linguistics import LINGUISTICS_WORKS
from adapters.sources.catalogue.management import MANAGEMENT_WORKS
from adapters.sources.catalogue.marketing import MARKETING_WORKS
from adapters.sources.catalogue.medicine import MEDICINE_WORKS
from adapters.sources.catalogue.methods import METHODS_WORKS
from adapters.sources.catalogue.psychology import PSYCHOLOGY_WORKS
from adapters.sources.catalogue.small_business import SMALL_BUSINESS_WORKS
from adapters.sources.catalogue.sociology import SOCIOLOGY_WORKS
from adapters.sources.catalogue.structures import STRUCTURES

__all__ = ["CATALOGUE", "CatalogueWork"]

CATALOGUE: tuple[CatalogueWork, ...] = (
    STRUCTURES + ENGINEERING + COMPUTING + ARTIFICIAL_INTELLIGENCE + ECONOMICS
    + SMALL_BUSINESS_WORKS + MANAGEMENT_WORKS + MARKETING_WORKS + FINANCE_WORKS
    + EDUCATION_WORKS + PSYCHOLOGY_WORKS + METHODS_WORKS + MEDICINE_WORKS + LAW_WORKS
    + SOCIOLOGY_WORKS + ENVIRONMENT_WORKS + LINGUISTICS_WORKS + HISTORY_WORKS
    + CYRILLIC_WORKS
)
