import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.dois import MAX_DOI_CHARS, valid_doi
from domain.errors import InvalidInput

SUFFIX = st.text(st.characters(codec="utf-8", categories=("L", "N", "P", "S")), min_size=1,
                 max_size=40)


@pytest.mark.parametrize(("typed", "doi"), [
    ("10.1038/nature14539", "10.1038/nature14539"),
    ("10.1038/NATURE14539", "10.1038/nature14539"),
    ("  doi:10.1038/nature14539 ", "10.1038/nature14539"),
    ("DOI: 10.1038/nature14539", "10.1038/nature14539"),
    ("https://doi.org/10.1038/nature14539", "10.1038/nature14539"),
    ("http://dx.doi.org/10.1038/nature14539", "10.1038/nature14539"),
    ("10.1000.10/123456", "10.1000.10/123456"),
    ("10.1002/1096-9845(200102)30:2<149::AID-EQE1>3.0.CO;2-Z",
     "10.1002/1096-9845(200102)30:2<149::aid-eqe1>3.0.co;2-z"),
    ("10.15407/статья/1", "10.15407/статья/1"),
])
def test_a_doi_is_normalised(typed: str, doi: str) -> None:
    assert valid_doi(typed) == doi


@pytest.mark.parametrize("bad", [
    "", "   ", "nature14539", "10.1038", "10.1038/", "11.1038/nature14539", "10.abc/x",
    "10./x", "10.1038/has space", "10.1038/tab\tinside", "10.1038/nul\x00",
    "https://example.org/10.1038/x", "10.1038/" + "x" * MAX_DOI_CHARS,
])
def test_anything_else_is_invalid_input_naming_the_doi(bad: str) -> None:
    with pytest.raises(InvalidInput) as refused:
        valid_doi(bad)
    assert refused.value.field == "doi"


@given(st.integers(min_value=1000, max_value=999_999_999), SUFFIX)
def test_every_doi_is_valid_and_normalising_it_again_changes_nothing(prefix: int,
                                                                     suffix: str) -> None:
    doi = valid_doi(f"10.{prefix}/{suffix}")
    assert doi == f"10.{prefix}/{suffix}".lower()
    assert valid_doi(doi) == doi
