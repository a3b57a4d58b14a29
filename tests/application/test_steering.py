"""A person steering the writing: outline edits, rewrites with instructions, their own
text, revisions and restores, and the sources they bring or remove."""

import pytest
from tests.application.sign_in_steps import sign_in
from tests.fake_doi_lookup import ScriptedDoiLookup, registered
from tests.fake_model import ScriptedLanguageModel
from tests.fake_sources import ScriptedSourceFinder, found
from tests.memory_container import Fakes

from application.auth.authenticate import Authenticate
from application.auth.delete_account import DeleteAccount
from application.auth.export_my_data import ExportMyData
from application.billing.get_balance import GetBalance
from application.documents.create_document import CreateDocument, CreateDocumentRequest
from application.documents.get_document import GetDocument
from application.generation.generate_outline import GenerateOutline
from application.generation.generate_section import GenerateSection, GenerateSectionRequest
from application.jobs.start_generation import StartGeneration
from application.steering.edit_outline import EditOutline, EditOutlineRequest
from application.steering.own_sources import (
    AddSource,
    AddSourceRequest,
    RemoveSource,
    RemoveSourceRequest,
)
from application.steering.section_revisions import (
    ListRevisions,
    RestoreRevision,
    RestoreRevisionRequest,
)
from application.steering.verify_section import VerifySection, VerifySectionRequest
from application.steering.write_own_text import WriteOwnText, WriteOwnTextRequest
from domain.documents import CitationStyle, DocumentSpec, Kind, Origin, Provider, Verdict
from domain.errors import Conflict, InvalidInput, NotFound
from domain.languages import Language
from domain.outline_edit import PlannedItem
from domain.own_sources import hand_written_work
from domain.pages import PageRequest
from domain.ports.doi_lookup import LookupTimedOut
from domain.ports.quota import QuotaLedger
from domain.ports.revisions import SectionRevisionRepository
from domain.ports.transactions import TransactionManager
from domain.quota import InsufficientCredits, LedgerReason

SPEC = DocumentSpec(title="Bridges", topic="Suspension bridges", kind=Kind.ESSAY,
                    language=Language("en"), target_words=900, citation_style=CitationStyle.IEEE)
CABLES = "Main cables of suspension bridges carry the deck load to the towers and anchorages."
OUTLINE = {"sections": [
    {"title": "Introduction", "target_words": 300, "brief": "Why.", "queries": ["intro"]},
    {"title": "Cables", "target_words": 300, "brief": "Cables.", "queries": ["cables"]},
    {"title": "Conclusion", "target_words": 300, "brief": "So.", "queries": ["end"]}]}
DOI = "10.5555/own.1"


@pytest.fixture
def model() -> ScriptedLanguageModel:
    model = ScriptedLanguageModel()
    model.outlines.append(OUTLINE)
    return model


@pytest.fixture
def finder() -> ScriptedSourceFinder:
    finder = ScriptedSourceFinder()
    finder.answers = {"cables": [found("Cable statics", abstract=CABLES, doi="10.1/cables"),
                                 found("Towers", abstract="Towers resist compression.")],
                      "intro": [found("Bridge history")], "end": [found("Bridge futures")]}
    return finder


@pytest.fixture
def lookup() -> ScriptedDoiLookup:
    return ScriptedDoiLookup({DOI: registered(DOI, "Anchorages under load")})


@pytest.fixture
def fakes(model, finder, lookup) -> Fakes:
    return Fakes(model=model, finder=finder, doi_lookup=lookup)


def words(count: int, cite: str = "[1]", word: str = "span") -> str:
    sentences = [f"{word.capitalize()} " + " ".join([word] * 8) + " deck."
                 for _ in range(count // 10)]
    sentences[0] = sentences[0][:-1] + f" {cite}."
    return " ".join(sentences)


async def planned(run, fakes):  # type: ignore[no-untyped-def]
    user = await run(Authenticate, (await sign_in(run, fakes)).access_token)
    document = await run(CreateDocument, CreateDocumentRequest(owner=user.id, spec=SPEC))
    document = await run(GenerateOutline, user.id, document.id)
    return user, document


async def written(run, fakes, model):  # type: ignore[no-untyped-def]
    """A document whose three sections are written: "alpha", "beta" and "gamma" texts."""
    user, document = await planned(run, fakes)
    for index, word in enumerate(("alpha", "beta", "gamma"), start=1):
        model.texts.append(words(300, word=word))
        await run(GenerateSection, GenerateSectionRequest(owner=user.id,
                                                          document_id=document.id, index=index))
    return user, await run(GetDocument, user.id, document.id)


def edit(user, document, *items, revision=None):  # type: ignore[no-untyped-def]
    return EditOutlineRequest(owner=user.id, document_id=document.id,
                              items=[PlannedItem(**item) for item in items], revision=revision)


def cable_n(document) -> int:  # type: ignore[no-untyped-def]
    return next(s.n for s in document.sources if s.title == "Cable statics")


async def history(run, user, document, index):  # type: ignore[no-untyped-def]
    page = await run(ListRevisions, user.id, document.id, index, PageRequest())
    return list(page.items)


# Outline edits

async def test_an_outline_edit_moves_renames_adds_and_drops_keeping_every_text(
        run, fakes, model) -> None:
    user, document = await written(run, fakes, model)
    beta = document.sections[1].text

    edited = await run(EditOutline, edit(
        user, document,
        {"index": 2, "title": "Main cables", "target_words": 300},
        {"index": 1, "title": "Introduction", "target_words": 300},
        {"index": None, "title": "Towers", "target_words": 300, "brief": "Towers only."}))

    assert [(o.index, o.title) for o in edited.outline] == [
        (1, "Main cables"), (2, "Introduction"), (3, "Towers")]
    assert edited.outline[0].brief == "Cables." and edited.outline[2].brief == "Towers only."
    assert [(s.index, s.title) for s in edited.sections] == [(1, "Main cables"),
                                                             (2, "Introduction")]
    assert edited.sections[0].text == beta
    assert edited.status.value == "draft"  # "Towers" is not written yet
    stored = await run(GetDocument, user.id, document.id)
    assert stored == edited and stored.revision == document.revision + 1
    # the dropped conclusion is a revision, found through no index any more, but exported
    export = await run(ExportMyData, user.id)
    assert [r.section.text[:5] for r in export.revisions] == ["Gamma"]
    # the moved section keeps its own history
    model.texts.append(words(300, word="delta"))
    await run(GenerateSection, GenerateSectionRequest(owner=user.id, document_id=document.id,
                                                      index=1))
    assert [r.section.text for r in await history(run, user, document, 1)] == [beta]


async def test_budgets_within_ten_percent_keep_the_target_otherwise_it_follows_the_sum(
        run, fakes, model) -> None:
    user, document = await planned(run, fakes)
    items = [{"index": i, "title": f"Part {i}", "target_words": w}
             for i, w in ((1, 300), (2, 350), (3, 300))]  # 950: within 10% of 900
    kept = await run(EditOutline, edit(user, document, *items))
    assert kept.spec.target_words == 900

    items[1]["target_words"] = 1400  # 2,000
    followed = await run(EditOutline, edit(user, kept, *items))
    assert followed.spec.target_words == 2000
    assert sum(o.target_words for o in followed.outline) == 2000


@pytest.mark.parametrize(("items", "field"), [
    ([{"index": 7, "title": "Gone", "target_words": 900}], "items[0].index"),
    ([{"index": 1, "title": "A", "target_words": 450},
      {"index": 1, "title": "B", "target_words": 450}], "items[1].index"),
    ([{"index": None, "title": "Tiny", "target_words": 100}], "items"),
    ([{"index": None, "title": "Short", "target_words": 10}], "items[0].target_words"),
    ([{"index": None, "title": "   ", "target_words": 900}], "items[0].title"),
])
async def test_an_outline_edit_that_breaks_a_rule_names_it_and_changes_nothing(
        run, fakes, model, items, field) -> None:
    user, document = await planned(run, fakes)

    with pytest.raises(InvalidInput) as refused:
        await run(EditOutline, edit(user, document, *items))

    assert refused.value.field == field
    assert await run(GetDocument, user.id, document.id) == document


async def test_an_outline_edit_waits_for_the_job_and_for_the_current_revision(
        run, fakes, model) -> None:
    user, document = await planned(run, fakes)
    item = {"index": 1, "title": "Only", "target_words": 900}

    with pytest.raises(Conflict):
        await run(EditOutline, edit(user, document, item, revision=document.revision - 1))
    await run(StartGeneration, user.id, document.id)
    with pytest.raises(Conflict):
        await run(EditOutline, edit(user, document, item))
    stranger = await run(Authenticate, (await sign_in(run, fakes, "eve@example.org")).access_token)
    with pytest.raises(NotFound):
        await run(EditOutline, edit(stranger, document, item))


# Rewrites with instructions

async def test_a_rewrite_follows_instructions_in_the_user_message_and_keeps_the_old_text(
        run, fakes, model) -> None:
    user, document = await written(run, fakes, model)
    old = document.sections[1]
    cable = cable_n(document)
    model.texts.append(f"Cables carry the deck load [{cable}]. " + words(290, word="more"))
    model.verdicts.append({"claims": [{"sentence": 1, "n": cable, "verdict": "supported",
                                       "quote": "carry the deck load"}]})

    section = await run(GenerateSection, GenerateSectionRequest(
        owner=user.id, document_id=document.id, index=2,
        instructions="More on anchorages, please."))

    prompt = model.prompts[-1]
    assert "REWRITE_INSTRUCTIONS: More on anchorages, please." in prompt.user
    assert "anchorages, please" not in prompt.system
    assert old.text[:200] in prompt.user  # the text it replaces is shown
    assert section.instructions == "More on anchorages, please."
    assert section.claims[0].verdict is Verdict.SUPPORTED  # checked like any section
    [kept] = await history(run, user, document, 2)
    assert kept.section == old and kept.section.origin is Origin.MODEL


# The user's own text

async def test_own_text_is_saved_as_written_with_unverified_claims(run, fakes, model) -> None:
    user, document = await written(run, fakes, model)
    checks = len(model.checks)
    text = "Cables carry the deck load [1, 2]. My own view follows here."

    section = await run(WriteOwnText, WriteOwnTextRequest(
        owner=user.id, document_id=document.id, index=2, text=text,
        revision=document.revision))

    assert section.text == "Cables carry the deck load [1][2]. My own view follows here."
    assert section.origin is Origin.USER and section.model is None
    assert {(c.n, c.verdict) for c in section.claims} == {(1, Verdict.UNVERIFIED),
                                                          (2, Verdict.UNVERIFIED)}
    assert len(model.checks) == checks
    stored = await run(GetDocument, user.id, document.id)
    assert stored.sections[1] == section
    [kept] = await history(run, user, document, 2)
    assert kept.section == document.sections[1]


async def test_own_text_citing_unknown_sources_is_refused_naming_the_markers(
        run, fakes, model) -> None:
    user, document = await written(run, fakes, model)

    with pytest.raises(InvalidInput) as refused:
        await run(WriteOwnText, WriteOwnTextRequest(
            owner=user.id, document_id=document.id, index=2,
            text="One [1]. Two [99]. Three [2, 77]. Four [99]."))

    assert "[99]" in refused.value.message and "[2, 77]" in refused.value.message
    assert "[1]" not in refused.value.message
    assert await run(GetDocument, user.id, document.id) == document


async def test_own_text_against_a_stale_revision_is_a_conflict(run, fakes, model) -> None:
    user, document = await written(run, fakes, model)

    with pytest.raises(Conflict):
        await run(WriteOwnText, WriteOwnTextRequest(
            owner=user.id, document_id=document.id, index=2, text="Mine.",
            revision=document.revision - 1))


async def test_verify_checks_own_text_and_removes_unsupported_markers(
        run, fakes, model) -> None:
    user, document = await written(run, fakes, model)
    cable, towers = cable_n(document), next(s.n for s in document.sources if s.title == "Towers")
    await run(WriteOwnText, WriteOwnTextRequest(
        owner=user.id, document_id=document.id, index=2,
        text=f"Cables carry the deck load [{cable}]. Cables are made of cheese [{towers}]."))
    model.verdicts.append({"claims": [
        {"sentence": 1, "n": cable, "verdict": "supported", "quote": "carry the deck load"},
        {"sentence": 2, "n": towers, "verdict": "unsupported", "quote": ""}]})
    before = await run(GetBalance, user.id)
    checks = len(model.checks)

    section = await run(VerifySection, VerifySectionRequest(owner=user.id,
                                                            document_id=document.id, index=2))

    assert len(model.checks) == checks + 1
    assert section.text == f"Cables carry the deck load [{cable}]. Cables are made of cheese."
    assert [c.verdict for c in section.claims] == [Verdict.SUPPORTED, Verdict.UNSUPPORTED]
    assert section.origin is Origin.USER
    after = await run(GetBalance, user.id)
    assert after.credits < before.credits and after.reserved == 0  # paid, settled


async def test_verify_that_cannot_be_paid_for_fails_and_changes_nothing(
        run, fakes, model, container) -> None:
    user, document = await written(run, fakes, model)
    mine = await run(WriteOwnText, WriteOwnTextRequest(
        owner=user.id, document_id=document.id, index=2, text="Cables carry loads [1]."))
    balance = await run(GetBalance, user.id)
    async with container() as scope:  # spend every credit left
        await (await scope.get(QuotaLedger)).grant(user.id, -balance.credits,
                                                    LedgerReason.GRANT, fakes.clock.now())
        await (await scope.get(TransactionManager)).commit()
    checks = len(model.checks)

    with pytest.raises(InsufficientCredits):
        await run(VerifySection, VerifySectionRequest(owner=user.id, document_id=document.id,
                                                      index=2))

    assert len(model.checks) == checks  # no call started without its reservation
    assert (await run(GetDocument, user.id, document.id)).sections[1] == mine
    assert (await run(GetBalance, user.id)).reserved == 0


async def test_verify_of_a_section_not_written_is_not_found(run, fakes, model) -> None:
    user, document = await planned(run, fakes)

    with pytest.raises(NotFound):
        await run(VerifySection, VerifySectionRequest(owner=user.id, document_id=document.id,
                                                      index=2))


# Revisions and restores

async def test_a_restore_brings_back_a_text_and_can_itself_be_undone(run, fakes, model) -> None:
    user, document = await written(run, fakes, model)
    model_text = document.sections[1]
    mine = await run(WriteOwnText, WriteOwnTextRequest(
        owner=user.id, document_id=document.id, index=2, text="Mine entirely [1]."))
    [kept] = await history(run, user, document, 2)

    restored = await run(RestoreRevision, RestoreRevisionRequest(
        owner=user.id, document_id=document.id, index=2, revision=kept.revision))

    assert restored.text == model_text.text and restored.origin is Origin.MODEL
    revisions = await history(run, user, document, 2)
    assert [r.section.text for r in revisions] == [mine.text, model_text.text]
    undone = await run(RestoreRevision, RestoreRevisionRequest(
        owner=user.id, document_id=document.id, index=2, revision=revisions[0].revision))
    assert undone.text == mine.text and undone.origin is Origin.USER
    assert (await run(GetDocument, user.id, document.id)).sections[1].text == mine.text


async def test_a_revision_of_another_section_or_document_is_not_found(
        run, fakes, model) -> None:
    user, document = await written(run, fakes, model)
    await run(WriteOwnText, WriteOwnTextRequest(owner=user.id, document_id=document.id,
                                                index=2, text="Mine [1]."))
    [kept] = await history(run, user, document, 2)
    stranger = await run(Authenticate, (await sign_in(run, fakes, "eve@example.org")).access_token)

    with pytest.raises(NotFound):
        await run(RestoreRevision, RestoreRevisionRequest(
            owner=user.id, document_id=document.id, index=1, revision=kept.revision))
    with pytest.raises(NotFound):
        await run(RestoreRevision, RestoreRevisionRequest(
            owner=stranger.id, document_id=document.id, index=2, revision=kept.revision))
    with pytest.raises(NotFound):
        await run(ListRevisions, stranger.id, document.id, 2, PageRequest())


async def test_a_job_writing_over_the_users_text_keeps_it(run, fakes, model) -> None:
    user, document = await written(run, fakes, model)
    mine = await run(WriteOwnText, WriteOwnTextRequest(
        owner=user.id, document_id=document.id, index=3, text="My conclusion [1]."))
    model.texts.append(words(300, word="omega"))

    await run(GenerateSection, GenerateSectionRequest(owner=user.id, document_id=document.id,
                                                      index=3))

    assert mine.text in [r.section.text for r in await history(run, user, document, 3)]


async def test_revisions_are_exported_and_erased_with_the_account(
        run, fakes, model, container) -> None:
    user, document = await written(run, fakes, model)
    await run(WriteOwnText, WriteOwnTextRequest(owner=user.id, document_id=document.id,
                                                index=1, text="Mine [1]."))

    export = await run(ExportMyData, user.id)
    [revision] = export.revisions
    assert revision.document_id == document.id and revision.section.origin is Origin.MODEL
    await run(DeleteAccount, user.id)
    async with container() as scope:
        assert await (await scope.get(SectionRevisionRepository)).all_of(user.id) == []


# Own sources

async def test_a_doi_is_looked_up_once_and_offered_to_every_section(
        run, fakes, model, lookup) -> None:
    user, document = await planned(run, fakes)
    next_n = max(s.n for s in document.sources) + 1

    source = await run(AddSource, AddSourceRequest(owner=user.id, document_id=document.id,
                                                   doi="https://doi.org/10.5555/OWN.1"))
    again = await run(AddSource, AddSourceRequest(owner=user.id, document_id=document.id,
                                                  doi=DOI))

    assert source == again and source.n == next_n
    assert source.provider is Provider.CROSSREF and source.title == "Anchorages under load"
    assert lookup.asked == [DOI]  # the second add needed no look-up
    stored = await run(GetDocument, user.id, document.id)
    assert [s.n for s in stored.sources].count(source.n) == 1
    for index in (1, 2, 3):
        await run(GenerateSection, GenerateSectionRequest(owner=user.id,
                                                          document_id=document.id,
                                                          index=index))
        assert f"[{source.n}] Anchorages under load" in model.prompts[-1].user


async def test_an_unknown_or_unreachable_doi_changes_nothing(run, fakes, model, lookup) -> None:
    user, document = await planned(run, fakes)

    with pytest.raises(InvalidInput) as unknown:
        await run(AddSource, AddSourceRequest(owner=user.id, document_id=document.id,
                                              doi="10.5555/nobody"))
    assert unknown.value.field == "doi" and "10.5555/nobody" in unknown.value.message
    with pytest.raises(InvalidInput):
        await run(AddSource, AddSourceRequest(owner=user.id, document_id=document.id,
                                              doi="not a doi"))
    lookup.failure = LookupTimedOut()
    with pytest.raises(LookupTimedOut):
        await run(AddSource, AddSourceRequest(owner=user.id, document_id=document.id,
                                              doi="10.5555/slow"))
    assert await run(GetDocument, user.id, document.id) == document


async def test_a_work_by_hand_is_a_user_source_and_a_duplicate_is_the_existing_one(
        run, fakes, model) -> None:
    user, document = await planned(run, fakes)
    cable = next(s for s in document.sources if s.title == "Cable statics")

    mine = await run(AddSource, AddSourceRequest(
        owner=user.id, document_id=document.id,
        work=hand_written_work(title="Lecture notes on cables", authors=["I. Franko"],
                               year=2024, url="https://example.org/notes")))
    same = await run(AddSource, AddSourceRequest(
        owner=user.id, document_id=document.id,
        work=hand_written_work(title="Cable  statics", authors=[], year=cable.year)))

    assert mine.provider is Provider.USER and mine.authors == ("I. Franko",)
    assert same == cable


async def test_a_removed_source_leaves_every_section_and_its_number_is_never_reused(
        run, fakes, model) -> None:
    user, document = await planned(run, fakes)
    cable = cable_n(document)
    other = next(s.n for s in document.sources if s.n != cable)
    for index in (1, 2, 3):
        model.texts.append(f"Cables carry the deck load [{cable}][{other}]. "
                           + words(290, cite=f"[{other}]"))
        await run(GenerateSection, GenerateSectionRequest(owner=user.id,
                                                          document_id=document.id,
                                                          index=index))
    before = await run(GetDocument, user.id, document.id)
    assert any("Cable statics" in entry for entry in before.bibliography)
    last = max(s.n for s in before.sources)

    removed = await run(RemoveSource, RemoveSourceRequest(owner=user.id,
                                                          document_id=document.id, n=cable))

    assert cable not in {s.n for s in removed.sources}
    for section in removed.sections:
        assert f"[{cable}]" not in section.text and cable not in section.citations
        assert section.text.startswith(f"Cables carry the deck load [{other}].")
        assert all(claim.n != cable for claim in section.claims)
    assert not any("Cable statics" in entry for entry in removed.bibliography)
    assert len(removed.bibliography) == 1
    assert all(cable not in item.sources for item in removed.outline)
    assert await run(GetDocument, user.id, document.id) == removed
    with pytest.raises(NotFound):
        await run(RemoveSource, RemoveSourceRequest(owner=user.id, document_id=document.id,
                                                    n=cable))
    added = await run(AddSource, AddSourceRequest(
        owner=user.id, document_id=document.id,
        work=hand_written_work(title="Something new", authors=["A. B."], year=2020)))
    assert added.n == last + 1
    back = await run(AddSource, AddSourceRequest(owner=user.id, document_id=document.id,
                                                 doi="10.1/cables"))
    assert back.n == cable and back.title == "Cable statics"


async def test_a_restore_leaves_out_markers_of_removed_sources(run, fakes, model) -> None:
    user, document = await planned(run, fakes)
    model.texts.append("Cables carry the deck load [1][2]. " + words(290, cite="[2]"))
    await run(GenerateSection, GenerateSectionRequest(owner=user.id, document_id=document.id,
                                                      index=2))
    await run(WriteOwnText, WriteOwnTextRequest(owner=user.id, document_id=document.id,
                                                index=2, text="Mine [2]."))
    await run(RemoveSource, RemoveSourceRequest(owner=user.id, document_id=document.id, n=1))
    [kept] = await history(run, user, document, 2)
    assert kept.section.text.startswith("Cables carry the deck load [1][2].")

    restored = await run(RestoreRevision, RestoreRevisionRequest(
        owner=user.id, document_id=document.id, index=2, revision=kept.revision))

    assert restored.text.startswith("Cables carry the deck load [2].")
    assert 1 not in restored.citations and all(c.n != 1 for c in restored.claims)
