"""A section's claims are checked against the abstracts they cite: a supported verdict
counts only with a verbatim quote, unsupported markers leave the text and the bibliography,
and a check that cannot run leaves the claims unverified. Sections end within ±15% of their
budget."""

import pytest
from tests.application.sign_in_steps import sign_in
from tests.fake_model import ScriptedLanguageModel
from tests.fake_sources import ScriptedSourceFinder, found
from tests.memory_container import Fakes

from application.auth.authenticate import Authenticate
from application.billing.get_balance import GetBalance
from application.documents.create_document import CreateDocument, CreateDocumentRequest
from application.documents.get_document import GetDocument
from application.generation.generate_outline import GenerateOutline
from application.generation.generate_section import GenerateSection, GenerateSectionRequest
from domain.documents import CitationStyle, DocumentSpec, Kind, Verdict
from domain.languages import Language
from domain.ports.language_model import LanguageModelUnavailable

SPEC = DocumentSpec(title="Bridges", topic="Suspension bridges", kind=Kind.ESSAY,
                    language=Language("en"), target_words=300, citation_style=CitationStyle.IEEE)
CABLES = "Main cables of suspension bridges carry the deck load to the towers and anchorages."
OUTLINE = {"sections": [{"title": "Cables", "target_words": 300, "brief": "Cables.",
                         "queries": ["cables"]}]}


@pytest.fixture
def model() -> ScriptedLanguageModel:
    model = ScriptedLanguageModel()
    model.outlines.append(OUTLINE)
    return model


@pytest.fixture
def finder() -> ScriptedSourceFinder:
    finder = ScriptedSourceFinder()
    finder.answers = {"cables": [found("Cable statics", abstract=CABLES),
                                 found("Towers", abstract="Towers resist compression."),
                                 found("No abstract here", abstract=None)]}
    return finder


@pytest.fixture
def fakes(model, finder) -> Fakes:
    return Fakes(model=model, finder=finder)


def words(count: int, cite: str = "[1]") -> str:
    """`count` words in sentences of ten, the first citing `cite`."""
    sentences = ["Span " + " ".join(["span"] * 8) + " deck." for _ in range(count // 10)]
    sentences[0] = sentences[0][:-1] + f" {cite}."
    return " ".join(sentences)


async def planned(run, fakes):  # type: ignore[no-untyped-def]
    user = await run(Authenticate, (await sign_in(run, fakes)).access_token)
    document = await run(CreateDocument, CreateDocumentRequest(owner=user.id, spec=SPEC))
    await run(GenerateOutline, user.id, document.id)
    return user, document


async def write(run, user, document):  # type: ignore[no-untyped-def]
    return await run(GenerateSection, GenerateSectionRequest(owner=user.id,
                                                             document_id=document.id, index=1))


async def test_supported_only_with_a_verbatim_quote_and_unsupported_markers_leave(
        run, fakes, model) -> None:
    user, document = await planned(run, fakes)
    model.texts.append("Cables carry the deck load [1][2]. " + words(280, cite="[2]"))
    model.verdicts.append({"claims": [
        {"sentence": 1, "n": 1, "verdict": "supported",
         "quote": "carry the deck load to the towers"},
        {"sentence": 1, "n": 2, "verdict": "supported", "quote": "towers carry everything"},
        {"sentence": 2, "n": 2, "verdict": "unsupported", "quote": ""}]})

    section = await write(run, user, document)

    verdicts = {(c.n, c.verdict) for c in section.claims}
    assert verdicts == {(1, Verdict.SUPPORTED), (2, Verdict.UNVERIFIED), (2, Verdict.UNSUPPORTED)}
    [supported] = [c for c in section.claims if c.verdict is Verdict.SUPPORTED]
    assert supported.evidence == "carry the deck load to the towers"
    assert supported.evidence in CABLES
    assert section.text.startswith("Cables carry the deck load [1][2].")
    assert "deck [2]." not in section.text  # the unsupported marker left its sentence
    assert section.citations == (1, 2)
    stored = await run(GetDocument, user.id, document.id)
    assert stored.grounding.claims == 3 and stored.grounding.unsupported == 1


async def test_a_source_cited_only_where_unsupported_leaves_the_bibliography(run, fakes,
                                                                              model) -> None:
    user, document = await planned(run, fakes)
    model.texts.append(words(290, cite="[1][2]"))
    model.verdicts.append({"claims": [
        {"sentence": 1, "n": 1, "verdict": "supported", "quote": "carry the deck load"},
        {"sentence": 1, "n": 2, "verdict": "unsupported", "quote": ""}]})

    section = await write(run, user, document)

    assert section.citations == (1,)
    stored = await run(GetDocument, user.id, document.id)
    assert len(stored.bibliography) == 1 and "Cable statics" in stored.bibliography[0]


async def test_a_failed_check_leaves_every_claim_unverified_and_costs_nothing(
        run, fakes, model) -> None:
    user, document = await planned(run, fakes)
    model.texts.append(words(300, cite="[1]"))
    original = model.complete_json

    async def checker_down(prompt, *, schema, schema_name, max_tokens, attempts=None):  # type: ignore[no-untyped-def]
        if schema_name == "claims":
            raise LanguageModelUnavailable
        return await original(prompt, schema=schema, schema_name=schema_name,
                              max_tokens=max_tokens)

    model.complete_json = checker_down  # type: ignore[method-assign]
    before = await run(GetBalance, user.id)
    section = await write(run, user, document)

    assert [c.verdict for c in section.claims] == [Verdict.UNVERIFIED]
    assert "[1]" in section.text
    after = await run(GetBalance, user.id)
    assert after.reserved == 0
    assert before.credits - after.credits == sum(  # only the section's own call
        model.estimate_tokens(p) // 2 + model.completion_tokens for p in model.prompts[-1:])


async def test_a_source_without_abstract_is_unverified_without_a_call(run, fakes,
                                                                       model) -> None:
    user, document = await planned(run, fakes)
    model.texts.append(words(300, cite="[3]"))

    section = await write(run, user, document)

    assert [c.verdict for c in section.claims] == [Verdict.UNVERIFIED]
    assert model.checks == []


async def test_the_check_is_a_metered_call_of_its_own(run, fakes, model) -> None:
    user, document = await planned(run, fakes)
    model.texts.append(words(300, cite="[1]"))
    before = await run(GetBalance, user.id)
    await write(run, user, document)
    after = await run(GetBalance, user.id)

    [check] = model.checks
    assert "ABSTRACT [1]" in check.user and CABLES in check.user
    charged = sum(model.estimate_tokens(p) // 2 + model.completion_tokens
                  for p in (model.prompts[-1], check))
    assert before.credits - after.credits == charged


async def test_a_short_section_is_continued_at_most_twice(run, fakes, model) -> None:
    user, document = await planned(run, fakes)
    model.texts.append(words(100))
    model.more_texts.extend([words(60), words(60), words(60)])

    section = await write(run, user, document)

    assert len(model.continuations) == 2
    assert section.word_count == 223  # still short after two (markers count): kept as it is
    assert "TARGET_WORDS: 199" in model.continuations[0].user  # the words missing


async def test_a_section_that_reaches_its_band_is_not_continued(run, fakes, model) -> None:
    user, document = await planned(run, fakes)
    model.texts.append(words(200))
    model.more_texts.append(words(70))

    section = await write(run, user, document)

    assert len(model.continuations) == 1
    assert 255 <= section.word_count <= 345


async def test_a_long_section_is_cut_at_a_sentence_end_within_the_band(run, fakes,
                                                                        model) -> None:
    user, document = await planned(run, fakes)
    model.texts.append(words(500))

    section = await write(run, user, document)

    assert 255 <= section.word_count <= 345
    assert section.text.endswith("deck.")
    assert model.continuations == []
