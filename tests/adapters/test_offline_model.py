"""The offline model follows the prompt's KEY: value lines, deterministically and labelled."""

import re

from adapters.llm.offline_model import OfflineLanguageModel
from domain.citations import resolve_citations
from domain.ports.language_model import Prompt

OUTLINE = {
    "type": "object", "additionalProperties": False, "required": ["sections"],
    "properties": {"sections": {"type": "array", "minItems": 1, "maxItems": 40, "items": {
        "type": "object", "additionalProperties": False, "required": ["title", "target_words"],
        "properties": {"title": {"type": "string"},
                       "target_words": {"type": "integer", "minimum": 1}}}}},
}


def a_prompt(*lines: str, language: str = "en") -> Prompt:
    facts = ["TOPIC: Seismic design of bridges", "TITLE: Bridges that survive earthquakes",
             f"LANGUAGE: {language}", "SOURCES:",
             "[1] Earthquake engineering of bridges (2019) - A. Smith, B. Jones",
             "[2] Damping in long spans (n.d.)", "[4] Base isolation revisited (2021)"]
    return Prompt(system="You are an academic writer.", user="\n".join([*facts, *lines, "",
                                                                       "Write it."]))


SECTION = a_prompt("SECTION_TITLE: Loads and materials", "TARGET_WORDS: 600")


async def test_the_same_prompt_gives_the_same_text() -> None:
    model = OfflineLanguageModel()

    first = await model.complete(SECTION, max_tokens=2000)
    second = await model.complete(SECTION, max_tokens=2000)

    assert first == second
    other = a_prompt("SECTION_TITLE: Damping", "TARGET_WORDS: 600")
    assert (await model.complete(other, max_tokens=2000)).text != first.text


async def test_every_text_is_labelled_offline_in_its_language() -> None:
    model = OfflineLanguageModel()

    english = await model.complete(SECTION, max_tokens=2000)
    ukrainian = await model.complete(
        a_prompt("SECTION_TITLE: Навантаження", "TARGET_WORDS: 300", language="uk"),
        max_tokens=2000)

    assert english.text.startswith("[Offline draft — generated without a language model]")
    assert ukrainian.text.startswith("[Офлайн-чернетка — створено без мовної моделі]")
    assert english.usage.model == "offline"


async def test_only_listed_sources_are_cited_and_every_paragraph_cites() -> None:
    completion = await OfflineLanguageModel().complete(SECTION, max_tokens=2000)

    cited = {int(n) for n in re.findall(r"\[(\d+)\]", completion.text)}
    assert cited and cited <= {1, 2, 4}
    assert resolve_citations(completion.text, {1, 2, 4})[0] == completion.text
    paragraphs = completion.text.split("\n\n")[1:]
    assert all(1 <= len(set(re.findall(r"\[\d+\]", p))) <= 3 for p in paragraphs)


async def test_the_text_is_about_as_long_as_asked_and_never_over_max_tokens() -> None:
    model = OfflineLanguageModel()

    full = await model.complete(SECTION, max_tokens=2000)
    capped = await model.complete(SECTION, max_tokens=100)

    assert 540 <= len(full.text.split()) <= 660
    assert full.usage.completion_tokens == len(full.text.split())
    assert len(capped.text.split()) <= 100 and capped.usage.completion_tokens <= 100
    assert full.usage.prompt_tokens <= model.estimate_tokens(SECTION)


async def test_streamed_chunks_add_up_to_the_text() -> None:
    shown: list[str] = []

    async def on_text(text: str) -> None:
        shown.append(text)

    completion = await OfflineLanguageModel().complete(SECTION, max_tokens=2000, on_text=on_text)

    assert len(shown) > 1 and "".join(shown) == completion.text


async def test_an_outline_has_section_count_items_and_shares_the_words() -> None:
    prompt = a_prompt("TARGET_WORDS: 3000", "SECTION_COUNT: 6")

    outline, completion = await OfflineLanguageModel().complete_json(
        prompt, schema=OUTLINE, schema_name="outline", max_tokens=500)

    sections = outline["sections"]
    assert len(sections) == 6
    assert sections[0]["title"] == "Introduction" and sections[-1]["title"] == "Conclusion"
    assert len({s["title"] for s in sections}) == 6
    assert sum(s["target_words"] for s in sections) == 3000
    assert completion.usage.model == "offline" and completion.usage.completion_tokens <= 500


async def test_an_outline_is_written_in_the_document_language() -> None:
    prompt = a_prompt("TARGET_WORDS: 2000", "SECTION_COUNT: 4", language="ru")

    outline, _ = await OfflineLanguageModel().complete_json(
        prompt, schema=OUTLINE, schema_name="outline", max_tokens=500)

    assert [s["title"] for s in outline["sections"]][::3] == ["Введение", "Заключение"]
