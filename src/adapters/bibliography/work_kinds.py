"""What kind of work a source is, as far as its venue tells, and the type each bibliography
file format gives that kind:

| kind     | BibTeX                       | RIS    | CSL              |
|----------|------------------------------|--------|------------------|
| ARTICLE  | @article, venue in `journal` | JOUR   | article-journal  |
| PAPER    | @inproceedings, `booktitle`  | CPAPER | paper-conference |
| WEB_PAGE | @misc with its `url`         | ELEC   | webpage          |
| OTHER    | @misc                        | GEN    | document         |

ARTICLE: a venue (a journal; a preprint server too, as Semantic Scholar's own BibTeX has it).
PAPER: a venue naming proceedings, a conference, symposium, workshop or congress. WEB_PAGE: no
venue and no DOI, but a URL. OTHER: no venue otherwise. The venue goes in RIS `T2` and CSL
`container-title` for both ARTICLE and PAPER.
"""

from __future__ import annotations

from enum import Enum

from domain.documents import Source

PROCEEDINGS_WORDS = ("proceedings", "conference", "symposium", "workshop", "congress",
                     "конференц", "матеріали", "материалы", "симпозі", "симпози", "конгрес")


class WorkKind(Enum):
    ARTICLE = "article"
    PAPER = "paper"
    WEB_PAGE = "web_page"
    OTHER = "other"


def kind_of(source: Source) -> WorkKind:
    if source.venue:
        venue = source.venue.casefold()
        if any(word in venue for word in PROCEEDINGS_WORDS):
            return WorkKind.PAPER
        return WorkKind.ARTICLE
    if source.url and not source.doi:
        return WorkKind.WEB_PAGE
    return WorkKind.OTHER
