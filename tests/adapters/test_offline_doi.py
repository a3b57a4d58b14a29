"""The offline DOI look-up: the catalogue's works by DOI, nothing else."""

import pytest

from adapters.sources.catalogue import CATALOGUE
from adapters.sources.offline_doi import OfflineDoiLookup
from domain.document_parts import Provider
from domain.errors import InvalidInput

WITH_DOI = [entry.work for entry in CATALOGUE if entry.work.doi]


@pytest.fixture
def lookup() -> OfflineDoiLookup:
    return OfflineDoiLookup()


async def test_every_catalogue_doi_finds_its_work(lookup: OfflineDoiLookup) -> None:
    for work in WITH_DOI:
        found = await lookup.look_up(work.doi or "")
        assert found is not None and found.title == work.title, work.doi
        assert found.provider is Provider.OFFLINE
        assert found.doi == (work.doi or "").lower()


async def test_a_doi_is_found_however_it_is_typed(lookup: OfflineDoiLookup) -> None:
    odd = next(w for w in WITH_DOI if w.doi and "<" in w.doi)

    found = await lookup.look_up(f"https://doi.org/{(odd.doi or '').upper()}")

    assert found is not None and found.title == odd.title


async def test_a_doi_outside_the_catalogue_is_none(lookup: OfflineDoiLookup) -> None:
    assert await lookup.look_up("10.1234/not-in-the-catalogue") is None


async def test_a_malformed_doi_is_invalid_input(lookup: OfflineDoiLookup) -> None:
    with pytest.raises(InvalidInput) as refused:
        await lookup.look_up("not a doi")
    assert refused.value.field == "doi"
