"""A whole job on PostgreSQL through the real `tesigo serve`: sources searched per section
from the local Semantic Scholar and OpenAlex stand-ins (`SOURCES_PROVIDER=both`, with
abstracts), sections written and every citation checked by the real `openai` library
against the local model server; then every invariant of API.md's Claim holds on the result."""

import itertools
import re
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from tests.e2e.processes import Served, run_tesigo, tesigo_env
from tests.e2e.test_serve_on_postgres import sign_in
from tests.integration.openai_server import OpenAiTestServer
from tests.integration.scholar_payloads import a_paper, a_work
from tests.integration.scholar_servers import OpenAlexTestServer, SemanticScholarTestServer
from tests.smtp_server import SmtpTestServer

from adapters.llm.offline_brief import read_brief
from adapters.llm.offline_outline import fill_schema

pytestmark = [pytest.mark.e2e, pytest.mark.postgres]
SPEC = {"title": "Cable-stayed bridges", "topic": "Design of cable-stayed bridges",
        "kind": "essay", "language": "en", "target_words": 1200, "citation_style": "ieee"}
ABSTRACTS = {
    "Stay cable vibration": "Rain-wind induced vibration of stay cables is studied in wind "
                            "tunnel tests and damping devices are proposed.",
    "Pylon design": "Pylons of cable-stayed bridges carry the stay forces to the foundations "
                    "and their shape follows the cable arrangement.",
    "Deck aerodynamics": "Streamlined box girders reduce vortex shedding on long-span decks.",
}
INVENTED = 999
ABSTRACT_LINE = re.compile(r"^ABSTRACT \[(\d+)\]: (.+)$", re.M)
SENTENCE_LINE = re.compile(r"^SENTENCE (\d+) ((?:\[\d+\])+): ", re.M)


CALLS = itertools.count(1)


def section_text(request: dict[str, Any]) -> str:
    """Cites the first three listed sources, and one the model made up; every answer (a
    section or its continuation) in sentences of its own."""
    prompt = request["messages"][-1]["content"]
    listed = [int(n) for n in re.findall(r"^\[(\d+)\] ", prompt, re.M)][:3]
    first, second, third = (listed * 3)[:3]
    call = next(CALLS)
    return (f"Stay cables vibrate in rain and wind in case {call} [{first}]. Pylons carry the "
            f"stay forces in case {call} [{second}]. Box girders shed fewer vortices in case "
            f"{call} [{third}]. Decks float in case {call} [{INVENTED}].")


def structured(request: dict[str, Any]) -> dict[str, Any]:
    """The outline as the offline model would fill it; a check that, pair by pair in turn,
    supports with a real quote, claims support with a quote the abstract does not hold, and
    finds no support."""
    schema = request["response_format"]["json_schema"]
    prompt = request["messages"][-1]["content"]
    if schema["name"] != "claims":
        return fill_schema(schema["schema"], read_brief(prompt))  # type: ignore[no-any-return]
    abstracts = {int(n): text for n, text in ABSTRACT_LINE.findall(prompt)}
    claims = []
    pairs = [(int(sentence), int(n)) for sentence, markers in SENTENCE_LINE.findall(prompt)
             for n in re.findall(r"\d+", markers)]
    for at, (sentence, n) in enumerate(pairs):
        verdict, quote = [("supported", " ".join(abstracts[n].split()[:6])),
                          ("supported", "a passage that no abstract contains anywhere"),
                          ("unsupported", "")][at % 3]
        claims.append({"sentence": sentence, "n": n, "verdict": verdict, "quote": quote})
    return {"claims": claims}


@pytest.fixture
def served(own_database: str, tmp_path) -> Iterator[tuple[Served, SmtpTestServer]]:
    smtp, model = SmtpTestServer(), OpenAiTestServer(text_responder=section_text,
                                                     json_responder=structured)
    s2, openalex = SemanticScholarTestServer(), OpenAlexTestServer()
    titles = list(ABSTRACTS)
    s2.papers = [a_paper(t, authors=("A. Author",), year=2010 + i, doi=f"10.5555/cs.{i}",
                         abstract=ABSTRACTS[t], citations=100 * i)
                 for i, t in enumerate(titles)]
    openalex.works = [a_work(titles[0], authors=("A. Author",), year=2010, doi="10.5555/cs.0",
                             abstract=ABSTRACTS[titles[0]], cited_by=900),
                      a_work("Cable-stayed bridge history", authors=("B. Author",), year=1999,
                             abstract=None)]
    for server in (smtp, model, s2, openalex):
        server.start()
    env = tesigo_env(ENVIRONMENT="test", DATABASE_URL=own_database, SMTP_HOST=smtp.host,
                     SMTP_PORT=str(smtp.port), APP_URL="http://app.test",
                     OPENAI_BASE_URL=model.base_url, OPENAI_API_KEY="sk-test-key",
                     LLM_MODEL="test-model", SOURCES_PROVIDER="both",
                     SEMANTIC_SCHOLAR_BASE_URL=s2.base_url, OPENALEX_BASE_URL=openalex.base_url,
                     JOB_POLL_S="0.2")
    assert run_tesigo("migrate", env=env, cwd=tmp_path).returncode == 0
    service = Served(env, tmp_path)
    try:
        service.wait_until_healthy()
        yield service, smtp
    finally:
        service.stop()
        for server in (openalex, s2, model, smtp):
            server.stop()


def normalised(text: str) -> str:
    return " ".join(text.split()).casefold()


def test_a_whole_grounded_job_keeps_every_claim_invariant(served) -> None:
    service, smtp = served
    with httpx.Client(base_url=service.url, timeout=30) as client:
        auth = sign_in(client, smtp, "ada@example.com")
        document = client.post("/api/v1/documents", json=SPEC, headers=auth).json()
        job = client.post(f"/api/v1/documents/{document['id']}/generate", headers=auth).json()
        deadline = time.monotonic() + 90
        while (state := client.get(f"/api/v1/jobs/{job['id']}", headers=auth).json()
               )["state"] not in ("succeeded", "failed"):
            assert time.monotonic() < deadline, state
            time.sleep(0.2)
        final = client.get(f"/api/v1/documents/{document['id']}", headers=auth).json()
        balance = client.get("/api/v1/billing/balance", headers=auth).json()
    assert state["state"] == "succeeded", state

    sources = {s["n"]: s for s in final["sources"]}
    assert {s["provider"] for s in sources.values()} <= {"semantic_scholar", "openalex"}
    assert len({s["doi"] for s in sources.values() if s["doi"]}) == \
        len([s for s in sources.values() if s["doi"]])  # found by both: one source
    assert any(s["abstract"] for s in sources.values())
    assert all(item["queries"] and item["brief"] for item in final["outline"])
    verdicts = []
    for section in final["sections"]:
        markers = {int(n) for n in re.findall(r"\[(\d+)\]", section["text"])}
        assert INVENTED not in markers
        assert set(section["citations"]) == markers <= set(sources)
        pairs = [(c["sentence"], c["n"]) for c in section["claims"]]
        assert len(pairs) == len(set(pairs))  # one claim per (sentence, source)
        for claim in section["claims"]:
            verdicts.append(claim["verdict"])
            source = sources[claim["n"]]
            if claim["verdict"] == "supported":
                assert claim["evidence"]
                assert normalised(claim["evidence"]) in normalised(source["abstract"])
                assert claim["n"] in markers
            else:
                assert claim["evidence"] is None
            if claim["verdict"] == "unverified":
                assert claim["n"] in markers
            if claim["verdict"] == "unsupported" and not any(
                    c["n"] == claim["n"] and c["verdict"] != "unsupported"
                    for c in section["claims"]):
                assert claim["n"] not in markers  # cited nowhere else: gone from the text
    assert {"supported", "unsupported", "unverified"} <= set(verdicts)
    grounding = final["grounding"]
    assert grounding == {"claims": len(verdicts), "supported": verdicts.count("supported"),
                         "unsupported": verdicts.count("unsupported"),
                         "unverified": verdicts.count("unverified")}
    cited = {n for s in final["sections"] for n in s["citations"]}
    assert len(final["bibliography"]) == len(cited)
    assert balance["reserved"] == 0
    assert balance["used_today"] == state["tokens_used"]
