"""CrossrefLookup against a local Crossref-compatible server."""

from collections.abc import Iterator

import httpx
import pytest
from tests.integration.crossref_server import CrossrefTestServer, Reply, a_record
from tests.integration.scholar_app import RecordingSleep
from tests.smtp_server import free_port

from adapters.sources.crossref import CrossrefLookup
from domain.document_parts import Provider
from domain.errors import InvalidInput
from domain.ports.doi_lookup import LookupTimedOut
from domain.ports.sources import SourcesUnavailable
from domain.sources import FoundWork

DOI = "10.15407/itm2021.01.042"
JATS = ("<jats:title>Abstract</jats:title>\n<jats:p>Стаття розглядає <jats:italic>глибинне"
        "</jats:italic> навчання в освіті.</jats:p>\n  <jats:p>Моделі H<jats:sub>2</jats:sub>O "
        "&amp; дані &lt;2020&gt;.</jats:p>")
RECORD = a_record(
    "10.15407/ITM2021.01.042", "Глибинне навчання в освіті", subtitle=["огляд"],
    author=[{"given": "Олена", "family": "Коваль", "sequence": "first"},
            {"family": "Петренко"}, {"name": "Робоча група ІТЗН"}],
    issued={"date-parts": [[2021, 3]]}, URL="https://doi.org/10.15407/itm2021.01.042",
    abstract=JATS, **{"container-title": ["Інформаційні технології і засоби навчання"],
                      "is-referenced-by-count": 12})
EXPECTED = FoundWork(
    title="Глибинне навчання в освіті: огляд",
    authors=("Олена Коваль", "Петренко", "Робоча група ІТЗН"), year=2021,
    venue="Інформаційні технології і засоби навчання", doi=DOI,
    url="https://doi.org/10.15407/itm2021.01.042",
    abstract="Стаття розглядає глибинне навчання в освіті. Моделі H2O & дані <2020>.",
    provider=Provider.CROSSREF, cited_by=12)
# A real DOI of the offline catalogue: `<`, `>`, `;`, `(`, `)` and `:` in its suffix.
ODD_DOI = "10.1002/1096-9845(200102)30:2<149::AID-EQE1>3.0.CO;2-Z"


@pytest.fixture(scope="module")
def module_server() -> Iterator[CrossrefTestServer]:
    with CrossrefTestServer() as server:
        yield server


@pytest.fixture
def server(module_server: CrossrefTestServer) -> Iterator[CrossrefTestServer]:
    module_server.works[DOI] = RECORD
    yield module_server
    module_server.reset()


@pytest.fixture
def lookup(server: CrossrefTestServer, client: httpx.AsyncClient,
           sleep: RecordingSleep) -> CrossrefLookup:
    return CrossrefLookup(client=client, base_url=server.base_url, sleep=sleep,
                          user_agent="TesiGo (+https://tesigo.test)", mailto="ops@tesigo.test")


async def test_a_registered_doi_is_found_with_every_field(
        lookup: CrossrefLookup, server: CrossrefTestServer) -> None:
    assert await lookup.look_up(DOI) == EXPECTED

    request = server.requests[-1]
    assert request.path == f"/works/{DOI}"
    assert request.headers["user-agent"] == "TesiGo (+https://tesigo.test)"
    assert request.params == {"mailto": "ops@tesigo.test"}


async def test_a_doi_is_asked_for_normalised_whatever_the_user_typed(
        lookup: CrossrefLookup, server: CrossrefTestServer) -> None:
    work = await lookup.look_up(" https://doi.org/10.15407/ITM2021.01.042 ")

    assert work is not None and work.doi == DOI
    assert server.requests[-1].path == f"/works/{DOI}"


async def test_an_unknown_doi_is_none(lookup: CrossrefLookup, server: CrossrefTestServer) -> None:
    assert await lookup.look_up("10.1234/nobody-registered-this") is None
    assert len(server.requests) == 1  # a 404 is an answer, not a failure to retry


async def test_a_record_without_a_title_is_none(
        lookup: CrossrefLookup, server: CrossrefTestServer) -> None:
    server.works["10.1234/untitled"] = a_record("10.1234/untitled", None)

    assert await lookup.look_up("10.1234/untitled") is None


async def test_missing_fields_fall_back(lookup: CrossrefLookup, server: CrossrefTestServer) -> None:
    server.works["10.1234/sparse"] = a_record(
        "10.1234/sparse", "Sparse", issued={"date-parts": [[None]]},
        **{"published-online": {"date-parts": [[2019, 5, 2]]}})

    work = await lookup.look_up("10.1234/sparse")

    assert work == FoundWork(title="Sparse", authors=(), year=2019, venue=None,
                             doi="10.1234/sparse", url="https://doi.org/10.1234/sparse",
                             abstract=None, provider=Provider.CROSSREF, cited_by=None)


@pytest.mark.parametrize("doi", [ODD_DOI, "10.1234/a#b?c=d%e f".replace(" ", "_")])
async def test_a_doi_with_reserved_characters_reaches_the_server_intact(
        lookup: CrossrefLookup, server: CrossrefTestServer, doi: str) -> None:
    server.works[doi.lower()] = a_record(doi, "Odd")

    work = await lookup.look_up(doi)

    assert work is not None and work.doi == doi.lower()
    request = server.requests[-1]
    assert request.path == f"/works/{doi.lower()}"
    assert "#" not in request.raw_path and "?" not in request.raw_path
    assert "<" not in request.raw_path and ";" not in request.raw_path


async def test_a_malformed_doi_is_refused_before_any_request(
        lookup: CrossrefLookup, server: CrossrefTestServer) -> None:
    with pytest.raises(InvalidInput) as refused:
        await lookup.look_up("nature14539")

    assert refused.value.field == "doi"
    assert server.requests == []


@pytest.mark.parametrize("status", [500, 503, 429])
async def test_a_failing_registry_is_retried_then_unavailable(
        lookup: CrossrefLookup, server: CrossrefTestServer, sleep: RecordingSleep,
        status: int) -> None:
    server.plan(*[Reply.error(status)] * 3)

    with pytest.raises(SourcesUnavailable, match=f"HTTP {status}"):
        await lookup.look_up(DOI)

    assert len(server.requests) == 3
    assert len(sleep.delays) == 2


async def test_a_passing_failure_is_retried_after_the_servers_delay(
        lookup: CrossrefLookup, server: CrossrefTestServer, sleep: RecordingSleep) -> None:
    server.plan(Reply.error(429, headers={"Retry-After": "2"}))

    assert await lookup.look_up(DOI) == EXPECTED
    assert sleep.delays == [2.0]


async def test_a_retry_after_beyond_the_time_bound_is_not_waited_for(
        lookup: CrossrefLookup, server: CrossrefTestServer, sleep: RecordingSleep) -> None:
    server.plan(Reply.error(503, headers={"Retry-After": "60"}))

    with pytest.raises(SourcesUnavailable):
        await lookup.look_up(DOI)

    assert sleep.delays == []


async def test_a_refusal_or_an_unreadable_answer_is_unavailable(
        lookup: CrossrefLookup, server: CrossrefTestServer) -> None:
    server.plan(Reply.error(403), Reply.raw("<html>proxy</html>"), Reply.json({"status": "ok"}))

    for _ in range(3):
        with pytest.raises(SourcesUnavailable):
            await lookup.look_up(DOI)
    assert len(server.requests) == 3


async def test_a_registry_that_never_answers_times_out(
        server: CrossrefTestServer, client: httpx.AsyncClient, sleep: RecordingSleep) -> None:
    lookup = CrossrefLookup(client=client, base_url=server.base_url, timeout_s=0.3,
                            sleep=sleep)
    server.plan(Reply.stall(30.0))

    with pytest.raises(LookupTimedOut, match=r"did not answer within 0\.3 s"):
        await lookup.look_up(DOI)


async def test_an_unreachable_registry_is_unavailable(
        client: httpx.AsyncClient, sleep: RecordingSleep) -> None:
    lookup = CrossrefLookup(client=client, base_url=f"http://127.0.0.1:{free_port()}",
                            sleep=sleep)

    with pytest.raises(SourcesUnavailable, match="ConnectError"):
        await lookup.look_up(DOI)

    assert len(sleep.delays) == 2


async def test_after_repeated_failures_the_registry_is_not_asked(
        server: CrossrefTestServer, client: httpx.AsyncClient, sleep: RecordingSleep) -> None:
    lookup = CrossrefLookup(client=client, base_url=server.base_url, sleep=sleep,
                            max_attempts=1, failure_threshold=2, reset_after_s=60)
    server.plan(Reply.error(500), Reply.error(500))
    for _ in range(2):
        with pytest.raises(SourcesUnavailable):
            await lookup.look_up(DOI)

    with pytest.raises(SourcesUnavailable, match="not asked"):
        await lookup.look_up(DOI)

    assert len(server.requests) == 2
