"""DOIs as users type them: `10.1038/nature14539`, `doi:10.1038/…` or `https://doi.org/10.1038/…`."""

from __future__ import annotations

import re

from domain.errors import InvalidInput
from domain.sources import normalise_doi

# A directory indicator `10.`, a registrant code (digits, optionally subdivided: 10.1000.10),
# a slash and a suffix of any visible characters (DOIs may hold `<`, `;`, `(`, `#`...).
DOI_PATTERN = re.compile(r"10\.\d+(?:\.\d+)*/\S+")
MAX_DOI_CHARS = 300  # the longest registered DOIs are about 200 characters


def valid_doi(text: str) -> str:
    """The DOI in `text`, normalised (prefix removed, lower case: DOIs ignore case), or
    InvalidInput naming the field `doi` when it is not one."""
    doi = (normalise_doi(text) or "").strip()
    if len(doi) > MAX_DOI_CHARS:
        raise InvalidInput(f"A DOI has at most {MAX_DOI_CHARS} characters.", field="doi")
    if not DOI_PATTERN.fullmatch(doi) or not doi.isprintable():
        raise InvalidInput("Not a DOI: a DOI looks like 10.1038/nature14539.", field="doi")
    return doi
