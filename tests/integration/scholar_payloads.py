"""Records shaped like the real APIs' JSON, for the scholarly test servers.

`a_paper` follows Semantic Scholar's Graph API paper object; `a_work` follows OpenAlex's work
object (https://docs.openalex.org/api-entities/works/work-object), keys and nesting as served.
"""

from __future__ import annotations

import hashlib
from typing import Any


def _digits(text: str, size: int) -> str:
    return str(int(hashlib.sha256(text.encode()).hexdigest(), 16))[:size]


def inverted_index(abstract: str | None) -> dict[str, list[int]] | None:
    """OpenAlex's form of an abstract: each word with the positions it occurs at."""
    if abstract is None:
        return None
    index: dict[str, list[int]] = {}
    for position, word in enumerate(abstract.split()):
        index.setdefault(word, []).append(position)
    return index


def a_paper(title: str | None, *, authors: tuple[str, ...] = (), year: int | None = None,
            venue: str = "", doi: str | None = None, abstract: str | None = None,
            citations: int | None = 1200) -> dict[str, Any]:
    paper_id = hashlib.sha1(str(title).encode()).hexdigest()
    external_ids: dict[str, Any] = {"MAG": _digits(f"mag{title}", 10),
                                    "CorpusId": int(_digits(f"corpus{title}", 8))}
    if doi:
        external_ids["DOI"] = doi
    return {
        "paperId": paper_id, "externalIds": external_ids,
        "url": f"https://www.semanticscholar.org/paper/{paper_id}", "title": title,
        "abstract": abstract, "venue": venue,
        "publicationVenue": {"id": _digits(f"venue{venue}", 8), "name": venue, "type": "journal"}
        if venue else None,
        "year": year, "referenceCount": 41, "citationCount": citations,
        "influentialCitationCount": 80, "isOpenAccess": False, "openAccessPdf": None,
        "fieldsOfStudy": ["Computer Science"], "publicationTypes": ["JournalArticle"],
        "publicationDate": f"{year}-05-28" if year else None,
        "journal": {"name": venue} if venue else None,
        "authors": [{"authorId": _digits(name, 8), "name": name} for name in authors],
    }


def a_work(title: str | None, *, authors: tuple[str, ...] = (), year: int | None = None,
           venue: str | None = None, doi: str | None = None, language: str = "en",
           landing_page_url: str | None = None, abstract: str | None = None,
           cited_by: int = 1200) -> dict[str, Any]:
    work_id = f"https://openalex.org/W{_digits(str(title), 10)}"
    doi_url = f"https://doi.org/{doi}" if doi else None
    source = None if venue is None else {
        "id": f"https://openalex.org/S{_digits(venue, 10)}", "display_name": venue,
        "issn_l": None, "issn": None, "is_oa": False, "is_in_doaj": False,
        "host_organization": None, "host_organization_name": None, "type": "journal"}
    location = {"is_oa": False, "landing_page_url": landing_page_url or doi_url,
                "pdf_url": None, "source": source, "license": None, "version": None}
    return {
        "id": work_id, "doi": doi_url, "title": title, "display_name": title,
        "relevance_score": 512.3, "publication_year": year,
        "publication_date": f"{year}-01-01" if year else None,
        "ids": {"openalex": work_id, "doi": doi_url}, "language": language,
        "primary_location": location if (venue or landing_page_url or doi_url) else None,
        "type": "article",
        "open_access": {"is_oa": False, "oa_status": "closed", "oa_url": None,
                        "any_repository_has_fulltext": False},
        "authorships": [
            {"author_position": "first" if index == 0 else "middle",
             "author": {"id": f"https://openalex.org/A{_digits(name, 10)}", "display_name": name,
                        "orcid": None},
             "institutions": [], "countries": [], "is_corresponding": False,
             "raw_author_name": name, "raw_affiliation_strings": []}
            for index, name in enumerate(authors)],
        "abstract_inverted_index": inverted_index(abstract),
        "cited_by_count": cited_by, "biblio": {"volume": None, "issue": None, "first_page": None,
                                           "last_page": None},
        "is_retracted": False, "is_paratext": False,
    }


LECUN_ABSTRACT = ("Deep learning allows computational models that are composed of multiple "
                  "processing layers to learn representations of data with multiple levels of "
                  "abstraction.")
BRAUN_ABSTRACT = ("Thematic analysis is a poorly demarcated, rarely acknowledged, yet widely used "
                  "qualitative analytic method within psychology.")
LSTM_ABSTRACT = ("Learning to store information over extended time intervals by recurrent "
                 "backpropagation takes a very long time, mostly because of insufficient, "
                 "decaying error backflow.")

DEFAULT_PAPERS = (
    a_paper("Deep learning", authors=("Yann LeCun", "Yoshua Bengio", "Geoffrey Hinton"),
            year=2015, venue="Nature", doi="10.1038/nature14539", abstract=LECUN_ABSTRACT,
            citations=48210),
    a_paper("Using thematic analysis in psychology", authors=("Virginia Braun", "Victoria Clarke"),
            year=2006, venue="Qualitative Research in Psychology",
            doi="10.1191/1478088706qp063oa", abstract=BRAUN_ABSTRACT, citations=95120),
    a_paper("Long Short-Term Memory", authors=("Sepp Hochreiter", "J. Schmidhuber"), year=1997,
            venue="Neural Computation", doi="10.1162/neco.1997.9.8.1735", abstract=LSTM_ABSTRACT,
            citations=70411),
)

DEFAULT_WORKS = (
    a_work("Deep learning", authors=("Yann LeCun", "Yoshua Bengio", "Geoffrey Hinton"),
           year=2015, venue="Nature", doi="10.1038/nature14539", abstract=LECUN_ABSTRACT,
           cited_by=52301),
    a_work("Using thematic analysis in psychology", authors=("Virginia Braun", "Victoria Clarke"),
           year=2006, venue="Qualitative Research in Psychology",
           doi="10.1191/1478088706qp063oa", abstract=BRAUN_ABSTRACT, cited_by=101877),
    a_work("Три подхода к определению понятия «количество информации»",
           authors=("А. Н. Колмогоров",), year=1965,
           venue="Проблемы передачи информации", language="ru", cited_by=310),
)
