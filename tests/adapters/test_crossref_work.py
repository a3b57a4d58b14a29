"""Reading a Crossref work record: markup, dates and names in the forms Crossref uses."""

import pytest

from adapters.sources.crossref_work import crossref_work, plain
from domain.document_parts import Provider


@pytest.mark.parametrize(("markup", "text"), [
    ("<jats:p>One.</jats:p><jats:p>Two.</jats:p>", "One. Two."),
    ("<jats:title>Abstract</jats:title><jats:p>Only this.</jats:p>", "Abstract Only this."),
    ("H<sub>2</sub>O and <i>E. coli</i>, <mml:math><mml:mi>x</mml:mi></mml:math>",
     "H2O and E. coli, x"),
    ("Cats &amp; dogs &lt;3 &#x2014; n\u00a0=\u00a05", "Cats & dogs <3 \u2014 n = 5"),
    ("a <b", "a <b"),
    ("<jats:p>  </jats:p>", None),
])
def test_plain_drops_markup_and_keeps_the_text(markup: str, text: str | None) -> None:
    assert plain(markup) == text


def test_the_abstracts_own_heading_is_left_out() -> None:
    work = crossref_work({"title": ["T"], "abstract": "<jats:title>ABSTRACT</jats:title>"
                          "<jats:sec><jats:title>Background</jats:title><jats:p>Why."
                          "</jats:p></jats:sec>"}, "10.1/t")

    assert work is not None and work.abstract == "Background Why."


def test_dates_fall_back_in_order_and_ignore_empty_parts() -> None:
    def year(**dates: object) -> int | None:
        work = crossref_work({"title": ["T"], **dates}, "10.1/t")
        assert work is not None
        return work.year

    assert year(issued={"date-parts": [[2020]]},
                **{"published-print": {"date-parts": [[2019]]}}) == 2020
    assert year(issued={"date-parts": [[None]]},
                **{"published-print": {"date-parts": [[2018, 1]]}}) == 2018
    assert year(issued={"date-parts": []}, **{"published-online": {"date-parts": [[2017]]}}) == 2017
    assert year(issued={"date-parts": [["2020"]]}) is None


def test_names_titles_and_counts_of_odd_records() -> None:
    work = crossref_work({"title": ["", "Second title"], "subtitle": ["second TITLE"],
                          "author": [{"given": "Ada"}, {"name": " The  Group "}, "junk", {}],
                          "container-title": [], "is-referenced-by-count": -1,
                          "DOI": "10.1/ABC"}, "10.1/abc")

    assert work is not None
    assert (work.title, work.authors, work.venue) == ("Second title", ("Ada", "The Group"), None)
    assert (work.cited_by, work.doi, work.url) == (None, "10.1/abc", "https://doi.org/10.1/abc")
    assert work.provider is Provider.CROSSREF
