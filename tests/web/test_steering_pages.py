"""Steering from the page: the outline editor, a rewrite with instructions, the student's
own text, revisions with restore, sources added by DOI and removed. Each change goes
through the use case the API calls, a stale page is a 409 with the problem in its banner,
and another user's document is a 404 on every path."""

import re

from tests.web.test_document_pages import created, token
from tests.web.test_sign_in_pages import sign_in

CATALOGUE_DOI = "10.1038/171737a0"  # in the offline catalogue


async def outlined(client, fakes, api) -> tuple[str, dict]:
    document_id = await created(client, fakes)
    bearer = await api.headers("ada@example.com")
    outline = await client.post(f"/api/v1/documents/{document_id}/outline", headers=bearer)
    assert outline.status_code == 200, outline.text
    return document_id, bearer


async def stored(client, bearer, document_id: str) -> dict:
    return (await client.get(f"/api/v1/documents/{document_id}", headers=bearer)).json()


FIELD = re.compile(r'name="((?:title|words|position|revision)-?[\w-]*)"[^>]*?value="([^"]*)"')


def editor_fields(page: str) -> dict[str, str]:
    """The outline editor's fields with the values the page gives them."""
    return dict(FIELD.findall(page))


async def test_the_outline_editor_renames_reorders_adds_and_drops(client, fakes, api) -> None:
    document_id, bearer = await outlined(client, fakes, api)
    before = await stored(client, bearer, document_id)
    path = f"/documents/{document_id}/outline/edit"
    editor = (await client.get(path)).text
    assert '<label for="title-1">Title</label>' in editor and ">Save outline</button>" in editor
    form = editor_fields(editor)
    titles = [item["title"] for item in before["outline"]]
    form.update({"title-1": "Вступ і мета", "position-1": "2", "position-2": "1",
                 "drop-3": "1", "title-new-1": "Мости майбутнього", "words-new-1": "400",
                 "_csrf_token": await token(client, path)})

    answer = await client.post(path, data=form, follow_redirects=False)

    assert answer.status_code in (302, 303), answer.text
    assert answer.headers["location"] == f"/documents/{document_id}"
    after = [item["title"] for item in (await stored(client, bearer, document_id))["outline"]]
    assert after == [titles[1], "Вступ і мета", *titles[3:], "Мости майбутнього"]


async def test_an_outline_saved_from_a_stale_page_is_refused_in_the_banner(
        client, fakes, api) -> None:
    document_id, bearer = await outlined(client, fakes, api)
    path = f"/documents/{document_id}/outline/edit"
    form = editor_fields((await client.get(path)).text)
    await client.post(f"/api/v1/documents/{document_id}/sources",
                      json={"doi": CATALOGUE_DOI}, headers=bearer)  # the document moves on
    form.update({"title-1": "Нова назва", "_csrf_token": await token(client, path)})

    answer = await client.post(path, data=form)

    assert answer.status_code == 409
    assert 'class="banner error" role="alert"' in answer.text and "revision" in answer.text
    assert "Нова назва" not in str((await stored(client, bearer, document_id))["outline"])


async def test_a_broken_outline_rule_is_said_and_nothing_changes(client, fakes, api) -> None:
    document_id, bearer = await outlined(client, fakes, api)
    path = f"/documents/{document_id}/outline/edit"
    form = editor_fields((await client.get(path)).text)
    form.update({"words-1": "5", "_csrf_token": await token(client, path)})

    answer = await client.post(path, data=form)

    assert answer.status_code == 422 and 'role="alert"' in answer.text
    assert (await stored(client, bearer, document_id))["outline"][0]["target_words"] != 5


async def test_a_rewrite_follows_the_instructions_and_keeps_the_old_text(
        client, fakes, api) -> None:
    document_id, bearer = await outlined(client, fakes, api)
    docs = f"/api/v1/documents/{document_id}"
    first = (await client.post(f"{docs}/sections/1/generate", headers=bearer)).json()
    path = f"/documents/{document_id}/sections/1/rewrite"
    form_page = (await client.get(path)).text
    assert '<label for="instructions">Instructions</label>' in form_page
    assert ">Rewrite</button>" in form_page

    answer = await client.post(path, data={"instructions": "коротше, з прикладом",
                                           "_csrf_token": await token(client, path)},
                               follow_redirects=False)

    assert answer.headers["location"] == f"/documents/{document_id}#section-1"
    history = (await client.get(f"{docs}/sections/1/revisions", headers=bearer)).json()
    assert [r["text"] for r in history] == [first["text"]]
    await client.post(f"{docs}/sections/1/generate", headers=bearer)  # replaces the rewrite
    history = (await client.get(f"{docs}/sections/1/revisions", headers=bearer)).json()
    assert history[0]["instructions"] == "коротше, з прикладом"


async def test_own_text_is_saved_and_a_revision_brings_the_old_one_back(
        client, fakes, api) -> None:
    document_id, bearer = await outlined(client, fakes, api)
    docs = f"/api/v1/documents/{document_id}"
    written = (await client.post(f"{docs}/sections/1/generate", headers=bearer)).json()
    path = f"/documents/{document_id}/sections/1/edit"
    editor = (await client.get(path)).text
    assert '<label for="text">Text</label>' in editor and written["text"][:40] in editor
    revision = re.search(r'name="revision" value="(\d+)"', editor).group(1)  # type: ignore[union-attr]

    saved = await client.post(path, data={"text": "Мій власний текст про мости.",
                                          "revision": revision,
                                          "_csrf_token": await token(client, path)},
                              follow_redirects=False)
    page = (await client.get(f"/documents/{document_id}")).text

    assert saved.status_code in (302, 303), saved.text
    assert "Мій власний текст про мости." in page and "Your own text." in page
    revisions_path = f"/documents/{document_id}/sections/1/revisions"
    listing = (await client.get(revisions_path)).text
    assert "Revision 1" in listing and ">Restore</button>" in listing
    restore = await client.post(f"{revisions_path}/1/restore", data={
        "_csrf_token": await token(client, revisions_path)}, follow_redirects=False)
    assert restore.status_code in (302, 303), restore.text
    assert (await stored(client, bearer, document_id))["sections"][0]["text"] == written["text"]


async def test_empty_own_text_is_refused_and_what_was_typed_stays(client, fakes, api) -> None:
    document_id, _ = await outlined(client, fakes, api)
    path = f"/documents/{document_id}/sections/1/edit"

    answer = await client.post(path, data={"text": "   ",
                                           "_csrf_token": await token(client, path)})

    assert answer.status_code == 422 and 'role="alert"' in answer.text


async def test_a_source_is_added_by_doi_and_removed(client, fakes, api) -> None:
    document_id, bearer = await outlined(client, fakes, api)
    page_path = f"/documents/{document_id}"
    page = (await client.get(page_path)).text
    assert '<label for="doi">DOI</label>' in page and ">Add source</button>" in page
    count = len((await stored(client, bearer, document_id))["sources"])

    added = await client.post(f"{page_path}/sources", data={
        "doi": CATALOGUE_DOI, "_csrf_token": await token(client, page_path)},
        follow_redirects=False)
    sources = (await stored(client, bearer, document_id))["sources"]
    unknown = await client.post(f"{page_path}/sources", data={
        "doi": "10.9999/nobody.knows", "_csrf_token": await token(client, page_path)})

    assert added.status_code in (302, 303) and added.headers["location"].endswith("#sources")
    assert len(sources) == count + 1 and sources[-1]["doi"] == CATALOGUE_DOI
    assert unknown.status_code == 422 and "10.9999/nobody.knows" in unknown.text
    n = sources[-1]["n"]
    assert f'aria-label="Remove source {n}"' in (await client.get(page_path)).text
    removed = await client.post(f"{page_path}/sources/{n}/remove", data={
        "_csrf_token": await token(client, page_path)}, follow_redirects=False)
    assert removed.status_code in (302, 303)
    assert n not in [s["n"] for s in (await stored(client, bearer, document_id))["sources"]]


async def test_every_steering_path_is_a_404_for_another_users_document(
        client, fakes, api) -> None:
    document_id, bearer = await outlined(client, fakes, api)
    await client.post(f"/api/v1/documents/{document_id}/sections/1/generate", headers=bearer)
    before = await stored(client, bearer, document_id)
    await sign_in(client, fakes, "bob@example.com")
    base = f"/documents/{document_id}"
    csrf = await token(client, "/documents")
    for path in ("/outline/edit", "/sections/1/rewrite", "/sections/1/edit",
                 "/sections/1/revisions"):
        answer = await client.get(base + path)
        assert answer.status_code == 404 and "Мости" not in answer.text, path
    for path in ("/outline/edit", "/sections/1/rewrite", "/sections/1/edit", "/sources",
                 "/sources/1/remove", "/sections/1/verify",
                 "/sections/1/revisions/1/restore"):
        answer = await client.post(base + path, data={"_csrf_token": csrf, "doi": "10.1/x",
                                                      "text": "x", "title-1": "x"})
        assert answer.status_code == 404 and "Мости" not in answer.text, path
    assert await stored(client, bearer, document_id) == before


async def test_citations_show_in_the_style_with_a_card_per_source(client, fakes, api) -> None:
    document_id, bearer = await outlined(client, fakes, api)
    section = (await client.post(f"/api/v1/documents/{document_id}/sections/1/generate",
                                 headers=bearer)).json()
    assert section["citations"], "the offline model cites its sources"

    page = (await client.get(f"/documents/{document_id}")).text

    assert not re.search(r"\[\d+\]", page.split('data-part="text"')[1].split("</div>")[0])
    cards = re.findall(r'<span class="cite( unverified)?"><a href="#source-(\d+)" '
                       r'aria-describedby="(card-[\w-]+)">', page)
    assert cards
    for _, n, card in cards:
        assert f'id="{card}"' in page and f'id="source-{n}"' in page
    assert "Not verified against the source." in page or \
        "The source supports this sentence:" in page
