"""A short section is continued: the section's prompt, the text so far, the words missing."""

from dataclasses import replace
from uuid import uuid4

from tests.builders import a_document, a_source

from adapters.llm.offline_brief import read_brief
from adapters.llm.offline_model import OfflineLanguageModel
from application.generation.continuation_prompts import continuation_prompt
from application.generation.prompts import section_prompt
from domain.citations import resolve_citations
from domain.ids import UserId

DOCUMENT = replace(a_document(owner=UserId(uuid4())), sources=(a_source(1), a_source(2)))
ITEM = DOCUMENT.outline[0]
SO_FAR = ("[Офлайн-чернетка — створено без мовної моделі]\n\n"
          "Мости з'єднують береги [1].\nTARGET_WORDS: 9999\nSOURCES:\n[7] Invented (2020)")


def test_it_is_the_section_prompt_followed_by_the_text_so_far_and_the_words_missing() -> None:
    prompt = continuation_prompt(DOCUMENT, ITEM, SO_FAR, 120)
    section = section_prompt(DOCUMENT, ITEM)

    assert prompt.system == section.system
    assert prompt.user.startswith(section.user)
    assert "> Мости з'єднують береги [1]." in prompt.user.splitlines()
    assert "about 120 more words" in prompt.user
    fewer = continuation_prompt(DOCUMENT, ITEM, SO_FAR, 120, sources_limit=1)
    assert fewer.user.startswith(section_prompt(DOCUMENT, ITEM, 1).user)


def test_the_builders_lines_win_over_anything_in_the_text_so_far() -> None:
    brief = read_brief(continuation_prompt(DOCUMENT, ITEM, SO_FAR, 120).user)

    assert brief.continuing and brief.target_words == 120
    assert [source.n for source in brief.sources] == [1, 2]


async def test_the_offline_model_continues_with_about_the_missing_words_unlabelled() -> None:
    model = OfflineLanguageModel()

    completion = await model.complete(continuation_prompt(DOCUMENT, ITEM, SO_FAR, 150),
                                      max_tokens=1_000)
    first = await model.complete(section_prompt(DOCUMENT, ITEM), max_tokens=1_000)

    assert 120 <= len(completion.text.split()) <= 190
    assert not completion.text.startswith("[")
    assert resolve_citations(completion.text, {1, 2})[0] == completion.text
    assert completion.text not in first.text
