"""The admin page: figures, users and the audit log for an admin; block, unblock and credit
changes through the admin use cases; for anyone else a 403 page and no "Admin" link."""

import re

from tests.web.test_sign_in_pages import CSRF, sign_in

BOSS = "boss@example.com"  # an admin in the test settings (ADMIN_EMAILS)


async def token(client, path: str = "/admin") -> str:
    return CSRF.search((await client.get(path)).text).group(1)  # type: ignore[union-attr]


def user_id(page: str, email: str) -> str:
    found = re.search(rf"{re.escape(email)}</td>.*?/admin/users/([0-9a-f-]{{36}})/", page, re.S)
    assert found, page
    return found.group(1)


async def test_a_non_admin_gets_a_403_page_and_no_admin_link(client, fakes) -> None:
    await sign_in(client, fakes, "ada@example.com")
    listing = await client.get("/documents")
    assert 'href="/admin"' not in listing.text

    page = await client.get("/admin")
    assert page.status_code == 403 and "Not allowed" in page.text


async def test_an_admin_sees_the_figures_the_users_and_the_audit_log(client, fakes) -> None:
    await sign_in(client, fakes, "ada@example.com")
    await sign_in(client, fakes, BOSS)
    page = await client.get("/admin")

    assert page.status_code == 200 and 'href="/admin" aria-current="page">Admin</a>' in page.text
    assert "<dt>Users</dt><dd>2</dd>" in page.text
    assert "ada@example.com</td>" in page.text and "Audit log" in page.text


async def test_an_admin_blocks_unblocks_and_changes_credits(client, fakes) -> None:
    await sign_in(client, fakes, "ada@example.com")
    await sign_in(client, fakes, BOSS)
    ada = user_id((await client.get("/admin")).text, "ada@example.com")

    blocked = await client.post(f"/admin/users/{ada}/block",
                                data={"_csrf_token": await token(client)},
                                follow_redirects=False)
    assert blocked.status_code in (302, 303)
    assert "<td>blocked</td>" in (await client.get("/admin")).text
    await client.post(f"/admin/users/{ada}/unblock", data={"_csrf_token": await token(client)})
    granted = await client.post(f"/admin/users/{ada}/credits", data={
        "amount": "1234", "reason": "goodwill", "_csrf_token": await token(client)},
        follow_redirects=False)

    assert granted.status_code in (302, 303)
    page = (await client.get("/admin")).text
    assert "<td>blocked</td>" not in page
    assert "<td>admin.credits_adjusted</td>" in page  # the audit log records it
    assert "<td>admin.user_blocked</td>" in page and "<td>admin.user_unblocked</td>" in page
    assert "ada@example.com</td><td>251,234</td>" in page  # 250,000 at sign-up, and 1,234


async def test_a_bad_credit_change_is_a_banner_and_changes_nothing(client, fakes) -> None:
    await sign_in(client, fakes, BOSS)
    boss = user_id((await client.get("/admin")).text, BOSS)
    before = (await client.get("/admin")).text.count("<tr>")

    answer = await client.post(f"/admin/users/{boss}/credits", data={
        "amount": "lots", "reason": "x", "_csrf_token": await token(client)})

    assert answer.status_code == 422 and 'role="alert"' in answer.text
    assert answer.text.count("<tr>") == before


async def test_an_admin_cannot_block_themselves(client, fakes) -> None:
    await sign_in(client, fakes, BOSS)
    boss = user_id((await client.get("/admin")).text, BOSS)
    answer = await client.post(f"/admin/users/{boss}/block",
                               data={"_csrf_token": await token(client)})
    assert answer.status_code == 422 and 'role="alert"' in answer.text
