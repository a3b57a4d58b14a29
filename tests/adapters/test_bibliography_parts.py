
import pytest

from adapters.bibliography.csl_styles import locale_for
from adapters.bibliography.names import csl_name
from domain.languages import Language


@pytest.mark.parametrize(("name", "parts"), [
    ("Yann LeCun", {"family": "LeCun", "given": "Yann"}),
    ("Edsger W. Dijkstra", {"family": "Dijkstra", "given": "Edsger W."}),
    ("LeCun, Yann", {"family": "LeCun", "given": "Yann"}),
    ("Шевченко Т. Г.", {"family": "Шевченко", "given": "Т. Г."}),
    ("Шевченко, Тарас Григорович", {"family": "Шевченко", "given": "Тарас Григорович"}),
    ("А. Н. Колмогоров", {"family": "Колмогоров", "given": "А. Н."}),
    ("Ludwig van Beethoven", {"family": "van Beethoven", "given": "Ludwig"}),
    ("John F. Nash Jr.", {"family": "Nash", "given": "John F.", "suffix": "Jr."}),
    ("King, Martin Luther, Jr.", {"family": "King", "given": "Martin Luther", "suffix": "Jr."}),
    ("Aristotle", {"family": "Aristotle"}),
    ("  Open   Science Collaboration ", {"literal": "Open Science Collaboration"}),
    ("Міністерство освіти і науки України", {"literal": "Міністерство освіти і науки України"}),
    (", Yann", {"family": "Yann"}),
])
def test_author_strings_split_into_csl_name_parts(name, parts):
    assert csl_name(name) == parts


def test_a_blank_name_is_no_name():
    assert csl_name("  ") is None


def test_locales_follow_citeproc_and_fall_back_to_us_english():
    codes = {code: locale_for(Language(code)) for code in ("en", "uk", "ru", "it", "de", "sw")}

    assert codes == {"en": "en-US", "uk": "uk-UA", "ru": "ru-RU", "it": "it-IT", "de": "de-DE",
                     "sw": "en-US"}
