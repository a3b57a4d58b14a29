"""The new-document form and the document's page: the form is checked by the API's own
rules (an error stands next to its field), the page shows the outline, the text and the
sources, another user's document is a 404, and downloads go through the same export."""

import re

from tests.web.test_sign_in_pages import CSRF, sign_in

FORM = {"title": "Мости Києва", "topic": "Історія мостів через Дніпро", "kind": "essay",
        "language": "uk", "target_words": "1500", "citation_style": "apa",
        "instructions": ""}


async def token(client, path: str = "/documents/new") -> str:
    page = await client.get(path)
    assert page.status_code == 200, page.text
    return CSRF.search(page.text).group(1)  # type: ignore[union-attr]


async def created(client, fakes, **changes: str) -> str:
    await sign_in(client, fakes)
    answer = await client.post("/documents/new", data={
        **FORM, **changes, "_csrf_token": await token(client)}, follow_redirects=False)
    assert answer.status_code in (302, 303), answer.text
    found = re.fullmatch(r"/documents/([0-9a-f-]{36})", answer.headers["location"])
    assert found
    return found.group(1)


async def test_the_form_has_every_named_field(client, fakes) -> None:
    await sign_in(client, fakes)
    page = (await client.get("/documents/new")).text
    for label, name in [("Title", "title"), ("Topic", "topic"), ("Kind", "kind"),
                        ("Requirements file", "requirements"),
                        ("Language", "language"), ("Length (words)", "target_words"),
                        ("Citation style", "citation_style"), ("Instructions", "instructions")]:
        assert f'<label for="{name}">{label}</label>' in page
        assert f'id="{name}" name="{name}"' in page
    assert ">Create</button>" in page


async def test_create_opens_the_documents_page(client, fakes, api) -> None:
    document_id = await created(client, fakes)

    page = await client.get(f"/documents/{document_id}")

    assert page.status_code == 200
    assert '<h1 lang="uk">Мости Києва</h1>' in page.text
    assert '<h2 id="sources">Sources</h2>' in page.text
    bearer = await api.headers("ada@example.com")
    stored = (await client.get(f"/api/v1/documents/{document_id}", headers=bearer)).json()
    assert (stored["language"], stored["target_words"], stored["kind"]) == ("uk", 1500, "essay")


async def test_a_rule_broken_is_said_next_to_its_field_and_the_form_keeps_its_values(
        client, fakes) -> None:
    await sign_in(client, fakes)
    answer = await client.post("/documents/new", data={
        **FORM, "target_words": "10", "_csrf_token": await token(client)})

    assert answer.status_code == 422
    assert 'id="target_words-error"' in answer.text and "at least 300" in answer.text
    assert 'aria-describedby="target_words-error"' in answer.text
    assert 'value="Мости Києва"' in answer.text  # nothing typed is lost


async def test_a_word_count_that_is_not_a_number_is_said_too(client, fakes) -> None:
    await sign_in(client, fakes)
    answer = await client.post("/documents/new", data={
        **FORM, "target_words": "many", "_csrf_token": await token(client)})
    assert answer.status_code == 422 and 'id="target_words-error"' in answer.text


async def test_another_users_document_is_a_404_page(client, fakes, api) -> None:
    bearer = await api.headers("bob@example.com")
    spec = {**FORM, "target_words": 1500}
    spec.pop("instructions")
    theirs = (await client.post("/api/v1/documents", json=spec, headers=bearer)).json()
    await sign_in(client, fakes, "ada@example.com")

    page = await client.get(f"/documents/{theirs['id']}")
    download = await client.get(f"/documents/{theirs['id']}/download?format=md")

    assert page.status_code == 404 and "Мости" not in page.text
    assert download.status_code == 404


async def test_a_written_document_downloads_through_the_export(client, fakes, api) -> None:
    document_id = await created(client, fakes)
    bearer = await api.headers("ada@example.com")
    docs = f"/api/v1/documents/{document_id}"
    assert (await client.post(f"{docs}/outline", headers=bearer)).status_code == 200
    assert (await client.post(f"{docs}/sections/1/generate", headers=bearer)).status_code == 200
    page = await client.get(f"/documents/{document_id}")
    assert f'href="/documents/{document_id}/download?format=pdf">Download PDF</a>' in page.text

    markdown = await client.get(f"/documents/{document_id}/download?format=md")

    assert markdown.status_code == 200
    assert markdown.headers["content-disposition"].startswith("attachment")
    assert "Мости Києва" in markdown.text


async def test_a_requirements_file_is_read_into_the_new_document(client, fakes, api) -> None:
    await sign_in(client, fakes)
    rules = "Обсяг 20 сторінок. Шрифт Times New Roman 14.".encode()

    answer = await client.post("/documents/new", data={
        **FORM, "_csrf_token": await token(client)},
        files={"requirements": ("вимоги.txt", rules, "text/plain")}, follow_redirects=False)

    assert answer.status_code in (302, 303), answer.text
    document_id = answer.headers["location"].rsplit("/", 1)[1]
    bearer = await api.headers("ada@example.com")
    stored = (await client.get(f"/api/v1/documents/{document_id}", headers=bearer)).json()
    assert "Times New Roman 14" in stored["requirements"]
    assert "follows your requirements file" in (await client.get(answer.headers["location"])).text


async def test_an_unreadable_requirements_file_creates_nothing_and_is_said(
        client, fakes, api) -> None:
    await sign_in(client, fakes)

    answer = await client.post("/documents/new", data={
        **FORM, "_csrf_token": await token(client)},
        files={"requirements": ("photo.png", b"\x89PNG\r\n\x1a\n" + bytes(64), "image/png")})

    assert answer.status_code == 415
    assert 'id="requirements-error"' in answer.text and 'value="Мости Києва"' in answer.text
    bearer = await api.headers("ada@example.com")
    assert (await client.get("/api/v1/documents", headers=bearer)).json()["items"] == []
