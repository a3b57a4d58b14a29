"""The page's sign-in: a form that sends the e-mailed link, the link that signs the browser
in with HttpOnly cookies, the documents list behind it, and sign-out. Every form carries a
CSRF token; the JSON API (bearer tokens) needs none."""

import re

CSRF = re.compile(r'name="_csrf_token" value="([^"]+)"')


async def csrf_token(client) -> str:
    page = await client.get("/")
    assert page.status_code == 200
    match = CSRF.search(page.text)
    assert match, page.text
    return match.group(1)


async def sign_in(client, fakes, email="ada@example.com") -> None:
    token = await csrf_token(client)
    sent = await client.post("/sign-in", data={"email": email, "_csrf_token": token})
    assert sent.status_code == 200, sent.text
    assert "Check your e-mail" in sent.text
    mail = [m for m in fakes.mailer.sent if m.to == email][-1]
    link = re.search(r"/auth/verify\?token=[A-Za-z0-9_\-]+", mail.text)
    assert link
    opened = await client.get(link.group(0), follow_redirects=False)
    assert opened.status_code in (302, 303) and opened.headers["location"] == "/documents"


async def test_the_sign_in_page_has_the_named_controls_and_a_strict_policy(client) -> None:
    page = await client.get("/")

    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert '<label for="email">E-mail</label>' in page.text
    assert ">Send sign-in link</button>" in page.text
    policy = page.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy


async def test_the_link_signs_the_browser_in_with_httponly_cookies(client, fakes) -> None:
    await sign_in(client, fakes)

    cookies = [c for c in client.cookies.jar if c.name.startswith("tesigo_")]
    assert {c.name for c in cookies} == {"tesigo_access", "tesigo_refresh"}
    assert all(c.has_nonstandard_attr("HttpOnly") for c in cookies)
    listing = await client.get("/documents")
    assert listing.status_code == 200
    assert "<h1>Documents</h1>" in listing.text and "No documents yet." in listing.text


async def test_the_list_shows_the_users_documents_as_links_by_title(client, fakes, api) -> None:
    bearer = await api.headers("ada@example.com")
    spec = {"title": "Bridges of Kyiv", "topic": "Bridges", "kind": "essay", "language": "uk",
            "target_words": 1500, "citation_style": "apa"}
    created = (await client.post("/api/v1/documents", json=spec, headers=bearer)).json()
    await sign_in(client, fakes, "ada@example.com")

    listing = await client.get("/documents")

    assert f'<a href="/documents/{created["id"]}">Bridges of Kyiv</a>' in listing.text
    assert "Essay · uk · draft · 0 of 1,500 words" in " ".join(listing.text.split())


async def test_signed_out_the_list_sends_the_browser_to_sign_in(client) -> None:
    answer = await client.get("/documents", follow_redirects=False)
    assert answer.status_code in (302, 303) and answer.headers["location"] == "/"


async def test_a_form_without_its_csrf_token_is_refused(client) -> None:
    await client.get("/")
    answer = await client.post("/sign-in", data={"email": "ada@example.com"})
    assert answer.status_code == 403


async def test_a_bad_address_is_said_next_to_the_field(client) -> None:
    token = await csrf_token(client)
    answer = await client.post("/sign-in", data={"email": "not-an-address",
                                                  "_csrf_token": token})
    assert answer.status_code == 422
    assert 'aria-invalid="true"' in answer.text and "Enter a valid e-mail address." in answer.text


async def test_a_used_or_forged_link_says_so_and_signs_nobody_in(client, fakes) -> None:
    answer = await client.get("/auth/verify?token=forged", follow_redirects=False)
    assert answer.status_code == 400 and "not valid any more" in answer.text
    assert not [c for c in client.cookies.jar if c.name.startswith("tesigo_")]


async def test_sign_out_ends_the_session_on_the_server_too(client, fakes) -> None:
    await sign_in(client, fakes)
    refresh = client.cookies.get("tesigo_refresh")
    token = CSRF.search((await client.get("/documents")).text).group(1)  # type: ignore[union-attr]

    out = await client.post("/sign-out", data={"_csrf_token": token}, follow_redirects=False)

    assert out.status_code in (302, 303) and out.headers["location"] == "/"
    assert (await client.get("/documents", follow_redirects=False)).status_code in (302, 303)
    again = await client.post("/api/v1/auth/refresh", json={"refresh_token": refresh})
    assert again.status_code == 401


async def test_the_api_needs_no_csrf_token(client, api) -> None:
    bearer = await api.headers()
    answer = await client.post("/api/v1/documents", headers=bearer, json={
        "title": "T", "topic": "T", "kind": "essay", "language": "en", "target_words": 1500,
        "citation_style": "apa"})
    assert answer.status_code == 201
