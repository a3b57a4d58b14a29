"""The page in four languages: chosen by the "Interface language" select and remembered,
else the browser's Accept-Language, else English; every message the templates and the
page's code show has a translation in every catalogue, with the same placeholders."""

import json
import re
from pathlib import Path

import pytest
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.pofile import read_po
from tests.web.test_document_pages import created, token
from tests.web.test_sign_in_pages import csrf_token

from entrypoints.web.i18n import CATALOGUES, INTERFACE_LANGUAGES, translations

WEB = Path(CATALOGUES).parent
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]")
TRANSLATED = [code for code in INTERFACE_LANGUAGES if code != "en"]


def extracted() -> set[str]:
    method_map = [("templates/**.j2", "jinja2"), ("**.py", "python")]
    keywords = {**DEFAULT_KEYWORDS, "N_": None}
    return {message if isinstance(message, str) else message[0]
            for _, _, message, _, _ in extract_from_dir(str(WEB), method_map,
                                                        keywords=keywords)}


def catalogue(code: str):
    with (CATALOGUES / code / "LC_MESSAGES" / "messages.po").open("rb") as po:
        return read_po(po, locale=code)


@pytest.mark.parametrize("code", TRANSLATED)
def test_every_message_is_translated_with_its_placeholders(code: str) -> None:
    messages = {m.id if isinstance(m.id, str) else m.id[0]: m for m in catalogue(code) if m.id}
    missing = extracted() - set(messages)
    assert not missing, f"run pybabel extract and update ({code}): {sorted(missing)[:5]}"
    for key, message in messages.items():
        forms = message.string if isinstance(message.string, tuple) else (message.string,)
        assert all(forms) and not message.fuzzy, f"{code}: {key!r} is not translated"
        wanted = set(PLACEHOLDER.findall(key if isinstance(message.id, str) else
                                         message.id[1]))
        for form in forms:
            assert set(PLACEHOLDER.findall(form)) <= wanted | {"num"}, (code, key, form)
            assert wanted - {"num"} <= set(PLACEHOLDER.findall(form)), (code, key, form)


async def test_the_browsers_language_is_the_default(client) -> None:
    page = await client.get("/", headers={"Accept-Language": "fr-FR, uk;q=0.8, en;q=0.5"})

    assert '<html lang="uk">' in page.text
    sign_in_button = translations("uk").gettext("Send sign-in link")
    assert sign_in_button != "Send sign-in link" and f">{sign_in_button}</button>" in page.text


async def test_a_language_nobody_asked_for_is_english(client) -> None:
    page = await client.get("/", headers={"Accept-Language": "fr, de;q=0.9, uk;q=0"})
    assert '<html lang="en">' in page.text and ">Send sign-in link</button>" in page.text


async def test_the_chosen_language_is_remembered_over_the_browsers(client) -> None:
    chosen = await client.post("/language", data={
        "language": "ru", "next": "/?from=menu", "_csrf_token": await csrf_token(client)},
        follow_redirects=False)

    assert chosen.headers["location"] == "/?from=menu"
    cookie = [c for c in client.cookies.jar if c.name == "tesigo_lang"]
    assert [c.value for c in cookie] == ["ru"] and cookie[0].has_nonstandard_attr("HttpOnly")
    page = await client.get("/", headers={"Accept-Language": "uk"})
    assert '<html lang="ru">' in page.text
    assert '<option value="ru" lang="ru" selected>Русский</option>' in page.text


async def test_an_unknown_language_or_a_foreign_address_changes_nothing(client) -> None:
    csrf = await csrf_token(client)
    for next_page in ("https://evil.example/", "//evil.example/", "/\\evil.example"):
        answer = await client.post("/language", data={
            "language": "xx", "next": next_page, "_csrf_token": csrf}, follow_redirects=False)
        assert answer.headers["location"] == "/", next_page
    assert not [c for c in client.cookies.jar if c.name == "tesigo_lang"]


async def test_numbers_are_written_the_languages_way(client, fakes) -> None:
    document_id = await created(client, fakes)
    await client.post("/language", data={"language": "uk", "next": "/",
                                          "_csrf_token": await token(client, "/documents")})

    page = (await client.get(f"/documents/{document_id}")).text

    assert "1\xa0500" in page and "1,500" not in page


def test_the_template_of_the_catalogues_is_up_to_date() -> None:
    with (CATALOGUES / "messages.pot").open("rb") as pot:
        template = {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(pot) if m.id}
    assert template == extracted(), "run: pybabel extract (see README, The web page)"


async def test_a_jobs_steps_are_said_in_the_pages_language(client, fakes, api) -> None:
    document_id = await created(client, fakes)
    bearer = await api.headers("ada@example.com")
    docs = f"/api/v1/documents/{document_id}"
    await client.post(f"{docs}/outline", headers=bearer)
    job = (await client.post(f"{docs}/generate", headers=bearer)).json()
    await client.post("/language", data={"language": "uk", "next": "/",
                                          "_csrf_token": await token(client, "/documents")})

    page = (await client.get(f"/documents/{document_id}?job={job['id']}")).text

    uk = translations("uk").gettext
    assert f"data-status>{uk('queued')}</p>" in page and uk("queued") != "queued"
    steps = json.loads(re.search(r"data-steps='([^']*)'", page).group(1))  # type: ignore[union-attr]
    assert steps["section"] == uk("section %(n)s written") % {"n": "{n}"}
    assert steps["outline written"] == uk("outline written")
