"""A user's display name, and the title page lines that names and places end up on."""

from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st
from tests.builders import a_user
from tests.manuscripts import a_manuscript

from domain.documents import Kind
from domain.errors import InvalidInput
from domain.export_labels import labels_for
from domain.languages import Language
from domain.manuscripts import Layout, TitlePageStyle
from domain.title_page import TitlePage
from domain.users import DISPLAY_NAME_MAX


def test_a_new_user_has_no_display_name() -> None:
    assert a_user().display_name is None


def test_renamed_trims_and_collapses_whitespace_and_keeps_the_rest() -> None:
    user = a_user(token_version=2)
    renamed = user.renamed("  Олена \t Коваленко\n ")
    assert renamed.display_name == "Олена Коваленко"
    assert replace(renamed, display_name=None) == user
    assert user.display_name is None  # the user itself is unchanged


@pytest.mark.parametrize("empty", [None, "", "   ", "\t\n"])
def test_an_empty_name_clears_it(empty: str | None) -> None:
    assert a_user().renamed("Ada").renamed(empty).display_name is None


def test_a_name_may_have_100_characters_and_no_more() -> None:
    assert a_user().renamed("a" * DISPLAY_NAME_MAX).display_name == "a" * DISPLAY_NAME_MAX
    assert a_user().renamed(" a " + " " * 50).display_name == "a"  # counted after trimming
    with pytest.raises(InvalidInput) as error:
        a_user().renamed("a" * (DISPLAY_NAME_MAX + 1))
    assert error.value.field == "display_name"


@pytest.mark.parametrize("bad", ["Ada\x00", "A\x07da", "Ada\x1b[31m", "Ad\x0ba", "Ada\ufffe"])
def test_control_characters_are_refused(bad: str) -> None:
    with pytest.raises(InvalidInput) as error:
        a_user().renamed(bad)
    assert error.value.field == "display_name"


@given(st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs")), max_size=120))
def test_a_name_comes_out_clean_and_renaming_to_it_again_changes_nothing(name: str) -> None:
    try:
        renamed = a_user().renamed(name)
    except InvalidInput:
        assert len(" ".join(name.split())) > DISPLAY_NAME_MAX or "\ufffe" in name \
            or "\uffff" in name
        return
    cleaned = renamed.display_name
    assert cleaned == (" ".join(name.split()) or None)
    assert renamed.renamed(cleaned) == renamed


def test_gost_pages_end_with_city_dash_year_and_academic_ones_with_city_comma_year() -> None:
    gost, academic = a_manuscript(language="uk"), a_manuscript(language="en")
    kyiv, leeds = TitlePage(city="Київ"), TitlePage(city="Leeds")
    assert gost.layout.title_page is TitlePageStyle.GOST
    assert academic.layout.title_page is TitlePageStyle.ACADEMIC
    assert replace(gost, title_page=kyiv).imprint == "Київ – 2025"
    assert replace(academic, title_page=leeds).imprint == "Leeds, 2025"
    assert gost.imprint == "2025" and academic.imprint == "Year: 2025"


def test_the_affiliation_is_the_institution_faculty_and_department_given() -> None:
    manuscript = replace(a_manuscript(), title_page=TitlePage(
        institution="University of Leeds", department="School of English"))
    assert manuscript.affiliation == ("University of Leeds", "School of English")
    assert a_manuscript().affiliation == ()


def test_only_gost_lays_the_title_page_out_by_gost() -> None:
    assert Layout.gost().title_page is TitlePageStyle.GOST
    assert Layout.academic().title_page is TitlePageStyle.ACADEMIC


@pytest.mark.parametrize(("code", "supervisor"), [
    ("en", "Supervisor"), ("uk", "Науковий керівник"), ("ru", "Научный руководитель"),
    ("it", "Relatore"), ("ja", "Supervisor")])  # English where the language has no words
def test_the_supervisor_is_labelled_in_the_documents_language(code: str,
                                                              supervisor: str) -> None:
    assert labels_for(Language(code), Kind.THESIS).supervisor == supervisor
