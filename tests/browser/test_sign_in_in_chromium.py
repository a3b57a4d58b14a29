"""The page in a real browser: headless Chromium (Debian's `chromium`, driven by Playwright)
against `tesigo serve` on PostgreSQL, signing in with the link read from the mail catcher.
Every page it opens is checked with axe-core and photographed at 1280 and 390 px wide
(docs/screenshots; `TESIGO_SCREENSHOTS=1` writes them there, else to a temporary folder)."""

from __future__ import annotations

import os
import re
import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, expect, sync_playwright
from tests.e2e.processes import Served, serving, tesigo_env
from tests.integration.stripe_server import StripeTestServer
from tests.smtp_server import SmtpTestServer

pytestmark = [pytest.mark.e2e, pytest.mark.postgres, pytest.mark.browser]
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
LINK = re.compile(r"https?://[^/\s]+(/auth/verify\?token=[A-Za-z0-9_\-]+)")
WIDTHS = (1280, 390)
SERIOUS = {"serious", "critical"}


@pytest.fixture
def served(own_database: str, tmp_path) -> Iterator[tuple[Served, SmtpTestServer]]:
    with SmtpTestServer() as smtp, running(StripeTestServer()) as stripe:
        env = tesigo_env(ENVIRONMENT="test", DATABASE_URL=own_database, SMTP_HOST=smtp.host,
                         SMTP_PORT=str(smtp.port), APP_URL="http://app.test",
                         SOURCES_PROVIDER="offline", SIGNUP_CREDITS="2000000",
                         STRIPE_SECRET_KEY="sk_test_browser", STRIPE_API_BASE=stripe.base_url,
                         ADMIN_EMAILS="boss@example.com")
        with serving(env, tmp_path) as served:
            yield served, smtp, stripe


@contextmanager
def running(stripe: StripeTestServer) -> Iterator[StripeTestServer]:
    stripe.start()
    try:
        yield stripe
    finally:
        stripe.stop()


@pytest.fixture
def browser() -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():  # as for PostgreSQL: loud, and a failure under CI=true
        reason = "the browser tests need Debian's chromium package (apt-get install chromium)"
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield browser
        browser.close()


@pytest.fixture
def shots(tmp_path) -> Path:
    folder = Path("docs/screenshots") if os.environ.get("TESIGO_SCREENSHOTS") else tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def looked_at(page: Page, name: str, shots: Path, *, full_page: bool = True) -> None:
    """No serious or critical axe violation, and a screenshot at each width (of the whole
    page, or of what the window shows for a long one)."""
    result = Axe().run(page)
    serious = [v for v in result.response["violations"] if v["impact"] in SERIOUS]
    assert not serious, result.generate_report()
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        assert page.evaluate("document.documentElement.scrollWidth") <= width  # no sideways
        page.screenshot(path=str(shots / f"{name}-{width}-en.png"), full_page=full_page)
    page.set_viewport_size({"width": 1280, "height": 900})


def link_from(smtp: SmtpTestServer, before: int) -> str:
    deadline = time.monotonic() + 10
    while len(smtp.messages) == before and time.monotonic() < deadline:
        time.sleep(0.05)
    assert len(smtp.messages) > before, "no sign-in e-mail arrived"
    text = smtp.messages[-1].get_body(preferencelist=("plain",)).get_content()
    found = LINK.search(text)
    assert found, text
    return found.group(1)


def test_a_student_signs_in_creates_writes_and_downloads_a_document(served, browser,
                                                                   shots) -> None:
    service, smtp, stripe = served
    page = browser.new_page(base_url=service.url)

    page.goto("/")
    looked_at(page, "sign-in", shots)
    before = len(smtp.messages)
    page.get_by_label("E-mail").fill("ada@example.com")
    page.get_by_role("button", name="Send sign-in link").click()
    expect(page.get_by_role("heading", name="Check your e-mail")).to_be_visible()
    looked_at(page, "check-email", shots)

    page.goto(link_from(smtp, before))

    expect(page.get_by_role("heading", name="Documents")).to_be_visible()
    expect(page.get_by_role("link", name="Documents")).to_be_visible()
    expect(page.get_by_text("No documents yet.")).to_be_visible()
    looked_at(page, "documents-empty", shots)

    page.get_by_role("link", name="New document").click()
    looked_at(page, "new-document", shots)
    page.get_by_label("Title").fill("Мости Києва")
    page.get_by_label("Topic").fill("Історія мостів через Дніпро")
    page.get_by_label("Kind").select_option("essay")
    page.get_by_label("Language", exact=True).select_option("uk")
    page.get_by_label("Length (words)").fill("1500")
    page.get_by_label("Citation style").select_option("gost")
    page.get_by_role("button", name="Create").click()
    expect(page.get_by_role("heading", name="Мости Києва", level=1)).to_be_visible()
    expect(page.get_by_role("heading", name="Sources")).to_be_visible()
    looked_at(page, "document-new", shots)

    page.get_by_role("button", name="Write outline").click()
    expect(page.get_by_role("heading", name="Outline")).to_be_visible()
    expect(page.get_by_text("At most")).to_be_visible()  # the estimate, before writing
    page.get_by_role("button", name="Write the whole document").click()
    progress = page.get_by_role("progressbar")
    expect(progress).to_be_visible()
    url = page.url
    expect(page.locator("[data-status]")).to_have_text("Ready", timeout=60_000)
    assert page.url == url  # followed live, never reloaded
    expect(progress).to_have_attribute("value", "100")
    expect(page.get_by_role("link", name="Download PDF")).to_be_visible()
    looked_at(page, "document-written", shots, full_page=False)
    with page.expect_download() as download:
        page.get_by_role("link", name="Download PDF").click()
    pdf = Path(download.value.path()).read_bytes()
    assert pdf.startswith(b"%PDF-")

    page.get_by_role("link", name="Documents").click()
    expect(page.get_by_role("link", name="Мости Києва")).to_be_visible()
    looked_at(page, "documents", shots)

    page.get_by_role("link", name="Credits").click()
    expect(page.get_by_role("heading", name="Credits", level=1)).to_be_visible()
    looked_at(page, "credits", shots)
    page.get_by_role("button", name="Buy").first.click()
    page.wait_for_url(re.compile(re.escape(stripe.base_url) + r"/pay/cs_"))  # Stripe Checkout
    page.goto("/credits")
    expect(page.get_by_role("cell", name="pending")).to_be_visible()

    expect(page.get_by_role("link", name="Admin")).to_have_count(0)
    page.goto("/admin")
    expect(page.get_by_role("heading", name="Not allowed")).to_be_visible()

    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_role("button", name="Send sign-in link")).to_be_visible()
    page.goto("/documents")
    expect(page).to_have_url(re.compile(r"/$"))


def test_an_admin_sees_the_service_and_its_users(served, browser, shots) -> None:
    service, smtp, _ = served
    page = browser.new_page(base_url=service.url)
    page.goto("/")
    before = len(smtp.messages)
    page.get_by_label("E-mail").fill("boss@example.com")
    page.get_by_role("button", name="Send sign-in link").click()
    expect(page.get_by_role("heading", name="Check your e-mail")).to_be_visible()
    page.goto(link_from(smtp, before))

    page.get_by_role("link", name="Admin").click()

    expect(page.get_by_role("heading", name="Admin", level=1)).to_be_visible()
    expect(page.get_by_role("cell", name="boss@example.com", exact=True)).to_be_visible()
    expect(page.get_by_role("heading", name="Audit log")).to_be_visible()
    looked_at(page, "admin", shots)
