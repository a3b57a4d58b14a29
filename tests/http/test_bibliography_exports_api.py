"""Bibliography exports over HTTP: BibTeX, RIS and CSL-JSON of a document's cited sources or
of all of them (in-memory container; the real writers)."""

import json
from dataclasses import replace
from urllib.parse import unquote
from uuid import UUID

import bibtexparser
import pytest
import rispy

from domain.documents import Source

SPEC = {"title": "Мости Києва", "topic": "Bridges of Kyiv", "kind": "coursework",
        "language": "uk", "target_words": 1500, "citation_style": "gost"}
FILES = {"bibtex": ("application/x-bibtex; charset=utf-8", "bib"),
         "ris": ("application/x-research-info-systems", "ris"),
         "csljson": ("application/vnd.citationstyles.csl+json", "json")}


def works(n: int) -> Source:
    """A Cyrillic or a Latin work for source number n."""
    if n % 2:
        return Source(n=n, title=f"Мости через Дніпро, том {n}", authors=("Шевченко, Тарас",),
                      year=2000 + n, venue="Український журнал", doi=f"10.1000/uk.{n}",
                      url=None)
    return Source(n=n, title=f"Bridges & tunnels {{{n}}}: 50% of Müller", year=2000 + n,
                  authors=("Łukasz Müller",), venue=None, doi=None,
                  url=f"https://example.org/{n}")


def titles_in(format: str, data: bytes) -> list[str]:
    """The titles a real reader of the format finds in the file."""
    text = data.decode()
    if format == "bibtex":
        library = bibtexparser.parse_string(text, append_middleware=[
            bibtexparser.middlewares.LatexDecodingMiddleware()])
        assert not library.failed_blocks
        return [entry["title"] for entry in library.entries]
    if format == "ris":
        return [record["title"] for record in rispy.loads(text)]
    return [item["title"] for item in json.loads(text)]


async def a_written_document(client, headers, fakes) -> tuple[str, list[str], list[str]]:
    """A document with one written section, its sources replaced by Cyrillic and Latin works:
    its id, the titles of the cited sources and of all of them."""
    created = await client.post("/api/v1/documents", json=SPEC, headers=headers)
    document_id = created.json()["id"]
    assert (await client.post(f"/api/v1/documents/{document_id}/outline",
                              headers=headers)).status_code == 200
    section = await client.post(f"/api/v1/documents/{document_id}/sections/1/generate",
                                headers=headers)
    assert section.status_code == 200, section.text
    documents = fakes.db.tables["documents"]
    document = documents[UUID(document_id)]
    # The same numbers, and two more sources that nothing cites.
    sources = tuple(works(n) for n in range(1, len(document.sources) + 3))
    documents[UUID(document_id)] = replace(document, sources=sources)
    cited = set(section.json()["citations"])
    assert cited and len(cited) < len(sources), "the section cites some sources, not all"
    return (document_id, [s.title for s in sources if s.n in cited],
            [s.title for s in sources])


def export(client, headers, document_id, **params):
    return client.get(f"/api/v1/documents/{document_id}/export", params=params,
                      headers=headers)


@pytest.mark.parametrize("format", list(FILES))
async def test_each_format_is_an_attachment_of_the_cited_sources(client, api, fakes,
                                                                 format) -> None:
    headers = await api.headers()
    document_id, cited, _ = await a_written_document(client, headers, fakes)

    response = await export(client, headers, document_id, format=format)

    assert response.status_code == 200, response.text
    content_type, extension = FILES[format]
    assert response.headers["content-type"] == content_type
    disposition = response.headers["content-disposition"]
    assert disposition.startswith(f'attachment; filename="Mosty-Kyieva.{extension}";')
    assert unquote(disposition.split("filename*=UTF-8''")[1]) == f"Мости-Києва.{extension}"
    assert titles_in(format, response.content) == cited


@pytest.mark.parametrize("format", list(FILES))
async def test_sources_all_lists_every_source(client, api, fakes, format) -> None:
    headers = await api.headers()
    document_id, cited, every = await a_written_document(client, headers, fakes)

    all_of_them = await export(client, headers, document_id, format=format, sources="all")
    only_cited = await export(client, headers, document_id, format=format, sources="cited")

    assert all_of_them.status_code == only_cited.status_code == 200
    assert titles_in(format, all_of_them.content) == every
    assert titles_in(format, only_cited.content) == cited


async def test_a_document_without_sections_exports_all_its_sources_but_cites_none(
        client, api) -> None:
    headers = await api.headers()
    document_id = (await client.post("/api/v1/documents", json=SPEC,
                                     headers=headers)).json()["id"]
    empty = await export(client, headers, document_id, format="csljson", sources="all")
    assert empty.status_code == 200 and json.loads(empty.content) == []
    outlined = await client.post(f"/api/v1/documents/{document_id}/outline", headers=headers)
    offered = [source["title"] for source in outlined.json()["sources"]]

    every = await export(client, headers, document_id, format="ris", sources="all")
    cited = await export(client, headers, document_id, format="bibtex")

    assert every.status_code == 200 and titles_in("ris", every.content) == offered
    assert cited.status_code == 409
    assert "sources=all" in cited.json()["detail"]


async def test_a_bad_sources_value_is_a_problem_naming_the_parameter(client, api,
                                                                      fakes) -> None:
    headers = await api.headers()
    document_id, _, _ = await a_written_document(client, headers, fakes)

    response = await export(client, headers, document_id, format="bibtex", sources="some")

    assert response.status_code == 422
    assert response.headers["content-type"].startswith("application/problem+json")
    assert [(error["field"], error["in"]) for error in response.json()["errors"]] == [
        ("sources", "query")]


async def test_the_document_formats_take_no_notice_of_sources(client, api, fakes) -> None:
    headers = await api.headers()
    document_id, _, _ = await a_written_document(client, headers, fakes)

    response = await export(client, headers, document_id, format="md", sources="all")

    assert response.status_code == 200
    assert response.headers["content-type"] == "text/markdown; charset=utf-8"
    assert response.content.startswith("# Мости Києва".encode())


async def test_another_users_document_is_not_found(client, api, fakes) -> None:
    ada, bob = await api.headers(), await api.headers("bob@example.com")
    document_id, _, _ = await a_written_document(client, ada, fakes)

    for format in FILES:
        response = await export(client, bob, document_id, format=format, sources="all")
        assert response.status_code == 404, format
