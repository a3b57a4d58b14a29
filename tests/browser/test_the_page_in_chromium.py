"""The page in a real browser: headless Chromium (Debian's `chromium`, driven by Playwright)
against `tesigo serve` on PostgreSQL, signing in with the link read from the mail catcher,
with a local Stripe and a local Crossref. The journeys run in English and in Ukrainian (the
browser's language), finding every control by its accessible name in that language. Every
page they open is checked with axe-core and photographed at 1280 and 390 px wide
(docs/screenshots; `TESIGO_SCREENSHOTS=1` writes them there, else to a temporary folder)."""

from __future__ import annotations

import os
import re
import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, expect, sync_playwright
from tests.e2e.processes import Served, serving, tesigo_env
from tests.integration.crossref_server import CrossrefTestServer, a_record
from tests.integration.stripe_server import StripeTestServer
from tests.smtp_server import SmtpTestServer

from entrypoints.web.i18n import translations

pytestmark = [pytest.mark.e2e, pytest.mark.postgres, pytest.mark.browser]
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
LINK = re.compile(r"https?://[^/\s]+(/auth/verify\?token=[A-Za-z0-9_\-]+)")
WIDTHS = (1280, 390)
SERIOUS = {"serious", "critical"}
LANGUAGES = ("en", "uk")
BROWSER_LOCALE = {"en": "en-GB", "uk": "uk-UA"}
OWN_DOI = "10.5555/kyiv.bridges.1925"
OWN_WORK = "Мости Києва: інженерна історія"


@pytest.fixture
def served(own_database: str, tmp_path) -> Iterator[tuple[Served, SmtpTestServer]]:
    with SmtpTestServer() as smtp, running(StripeTestServer()) as stripe, \
            CrossrefTestServer() as crossref:
        crossref.works[OWN_DOI] = a_record(
            OWN_DOI, OWN_WORK, author=[{"given": "Євген", "family": "Патон"}],
            issued={"date-parts": [[1925]]}, **{"container-title": ["Вісник інженерів"]})
        env = tesigo_env(ENVIRONMENT="test", DATABASE_URL=own_database, SMTP_HOST=smtp.host,
                         SMTP_PORT=str(smtp.port), APP_URL="http://app.test",
                         SOURCES_PROVIDER="offline", SIGNUP_CREDITS="2000000",
                         STRIPE_SECRET_KEY="sk_test_browser", STRIPE_API_BASE=stripe.base_url,
                         ADMIN_EMAILS="boss@example.com", CROSSREF_BASE_URL=crossref.base_url)
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


def looked_at(page: Page, name: str, shots: Path, language: str, *,
              full_page: bool = True) -> None:
    """No serious or critical axe violation, and a screenshot at each width (of the whole
    page, or of what the window shows for a long one)."""
    result = Axe().run(page)
    serious = [v for v in result.response["violations"] if v["impact"] in SERIOUS]
    assert not serious, result.generate_report()
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        assert page.evaluate("document.documentElement.scrollWidth") <= width  # no sideways
        page.screenshot(path=str(shots / f"{name}-{width}-{language}.png"),
                        full_page=full_page)
    page.set_viewport_size({"width": 1280, "height": 900})


def speaking(browser: Browser, service: Served, language: str) -> tuple[Page, Any]:
    """A page whose browser asks for `language`, and the page's words in it."""
    context = browser.new_context(base_url=service.url, locale=BROWSER_LOCALE[language],
                                  accept_downloads=True)
    return context.new_page(), translations(language).gettext


def signed_in(page: Page, smtp: SmtpTestServer, t: Any, email: str, shots: Path | None = None,
              language: str = "en") -> None:
    page.goto("/")
    if shots:
        looked_at(page, "sign-in", shots, language)
    before = len(smtp.messages)
    page.get_by_label(t("E-mail")).fill(email)
    page.get_by_role("button", name=t("Send sign-in link")).click()
    expect(page.get_by_role("heading", name=t("Check your e-mail"))).to_be_visible()
    if shots:
        looked_at(page, "check-email", shots, language)
    page.goto(link_from(smtp, before))
    expect(page.get_by_role("heading", name=t("Documents"), exact=True)).to_be_visible()


def link_from(smtp: SmtpTestServer, before: int) -> str:
    deadline = time.monotonic() + 10
    while len(smtp.messages) == before and time.monotonic() < deadline:
        time.sleep(0.05)
    assert len(smtp.messages) > before, "no sign-in e-mail arrived"
    text = smtp.messages[-1].get_body(preferencelist=("plain",)).get_content()
    found = LINK.search(text)
    assert found, text
    return found.group(1)


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_student_signs_in_steers_writes_and_downloads_a_document(served, browser, shots,
                                                                  language) -> None:
    service, smtp, stripe = served
    page, t = speaking(browser, service, language)

    signed_in(page, smtp, t, "ada@example.com", shots, language)

    expect(page.get_by_role("link", name=t("Documents"), exact=True)).to_be_visible()
    expect(page.get_by_text(t("No documents yet."))).to_be_visible()
    looked_at(page, "documents-empty", shots, language)

    page.get_by_role("link", name=t("New document")).click()
    looked_at(page, "new-document", shots, language)
    page.get_by_label(t("Title"), exact=True).fill("Мости Києва")
    page.get_by_label(t("Topic")).fill("Історія мостів через Дніпро")
    page.get_by_label(t("Kind")).select_option("essay")
    page.get_by_label(t("Language"), exact=True).select_option("uk")
    page.get_by_label(t("Length (words)")).fill("1500")
    page.get_by_label(t("Citation style")).select_option("gost")
    page.get_by_role("button", name=t("Create")).click()
    expect(page.get_by_role("heading", name="Мости Києва", level=1)).to_be_visible()
    expect(page.get_by_role("heading", name=t("Sources"))).to_be_visible()
    looked_at(page, "document-new", shots, language)

    # The outline, then edited: the first section renamed.
    page.get_by_role("button", name=t("Write outline")).click()
    expect(page.get_by_role("heading", name=t("Outline"))).to_be_visible()
    page.get_by_role("button", name=t("Edit outline")).click()
    expect(page.get_by_role("heading", name=t("Edit outline"), level=1)).to_be_visible()
    looked_at(page, "outline-edit", shots, language, full_page=False)
    page.get_by_label(t("Title"), exact=True).first.fill("Вступ: мости і місто")
    page.get_by_role("button", name=t("Save outline")).click()
    expect(page.get_by_role("heading", name="Вступ: мости і місто", level=2)).to_be_visible()

    # A source of the student's own, by DOI, looked up in (the local) Crossref.
    page.get_by_label(t("DOI"), exact=True).fill(OWN_DOI)
    page.get_by_role("button", name=t("Add source")).click()
    expect(page.locator("#sources ~ ol, aside.sources").get_by_text(OWN_WORK)).to_be_visible()

    # Written whole, followed live.
    expect(page.locator("#estimate")).to_be_visible()  # the estimate, before writing
    page.get_by_role("button", name=t("Write the whole document")).click()
    progress = page.get_by_role("progressbar")
    expect(progress).to_be_visible()
    url = page.url
    expect(page.locator("[data-status]")).to_have_text(t("Ready"), timeout=60_000)
    assert page.url == url  # followed live, never reloaded
    expect(progress).to_have_attribute("value", "100")
    expect(page.get_by_role("link", name=t("Download PDF"))).to_be_visible()
    looked_at(page, "document-written", shots, language, full_page=False)
    page.locator(".cite > a").first.focus()
    expect(page.locator(".cite-card").first).to_be_visible()  # the source and its verdict
    page.screenshot(path=str(shots / f"citation-card-1280-{language}.png"))
    page.keyboard.press("Escape")
    expect(page.locator(".cite-card").first).to_be_hidden()  # dismissed, focus kept
    with page.expect_download() as download:
        page.get_by_role("link", name=t("Download PDF")).click()
    assert Path(download.value.path()).read_bytes().startswith(b"%PDF-")

    # A rewrite with instructions; the old text is a revision to restore.
    page.get_by_role("button", name=t("Rewrite"), exact=True).first.click()
    expect(page.get_by_label(t("Instructions"))).to_be_visible()
    looked_at(page, "rewrite", shots, language, full_page=False)
    page.get_by_label(t("Instructions")).fill("Коротше, з одним прикладом")
    page.get_by_role("button", name=t("Rewrite"), exact=True).click()
    expect(page.get_by_role("heading", name="Мости Києва", level=1)).to_be_visible()
    page.get_by_role("link", name=t("Revisions"), exact=True).first.click()
    expect(page.get_by_role("button", name=t("Restore")).first).to_be_visible()
    looked_at(page, "revisions", shots, language, full_page=False)
    page.go_back()
    page.get_by_role("button", name=t("Edit"), exact=True).first.click()
    expect(page.get_by_label(t("Text"), exact=True)).to_be_visible()
    looked_at(page, "edit-section", shots, language, full_page=False)

    page.get_by_role("link", name=t("Documents"), exact=True).click()
    expect(page.get_by_role("link", name="Мости Києва")).to_be_visible()
    looked_at(page, "documents", shots, language)

    page.get_by_role("link", name=t("Credits"), exact=True).click()
    expect(page.get_by_role("heading", name=t("Credits"), level=1)).to_be_visible()
    looked_at(page, "credits", shots, language)
    page.get_by_role("button", name=t("Buy")).first.click()
    page.wait_for_url(re.compile(re.escape(stripe.base_url) + r"/pay/cs_"))  # Stripe Checkout
    page.goto("/credits")
    expect(page.get_by_role("cell", name=t("pending"))).to_be_visible()

    page.get_by_role("link", name=t("Account"), exact=True).click()
    expect(page.get_by_role("heading", name=t("Delete account"))).to_be_visible()
    looked_at(page, "account", shots, language)

    expect(page.get_by_role("link", name=t("Admin"))).to_have_count(0)
    page.goto("/admin")
    expect(page.get_by_role("heading", name=t("Not allowed"))).to_be_visible()
    looked_at(page, "forbidden", shots, language)

    page.get_by_role("button", name=t("Sign out")).click()
    expect(page.get_by_role("button", name=t("Send sign-in link"))).to_be_visible()
    page.goto("/documents")
    expect(page).to_have_url(re.compile(r"/$"))


def test_the_interface_language_is_switched_and_remembered(served, browser) -> None:
    service, smtp, _ = served
    page, t = speaking(browser, service, "en")
    signed_in(page, smtp, t, "ada@example.com")
    uk = translations("uk").gettext

    page.get_by_label("Interface language").select_option(label="Українська")

    expect(page.get_by_role("heading", name=uk("Documents"), exact=True)).to_be_visible()
    assert page.locator("html").get_attribute("lang") == "uk"
    page.goto("/credits")
    expect(page.get_by_role("heading", name=uk("Credits"), level=1)).to_be_visible()
    page.get_by_label(uk("Interface language")).select_option(label="Italiano")
    expect(page.get_by_role("heading", name=translations("it").gettext("Credits"),
                            level=1)).to_be_visible()


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_admin_sees_the_service_and_its_users(served, browser, shots, language) -> None:
    service, smtp, _ = served
    page, t = speaking(browser, service, language)
    signed_in(page, smtp, t, "boss@example.com")

    page.get_by_role("link", name=t("Admin")).click()

    expect(page.get_by_role("heading", name=t("Admin"), level=1)).to_be_visible()
    expect(page.get_by_role("cell", name="boss@example.com", exact=True)).to_be_visible()
    expect(page.get_by_role("heading", name=t("Audit log"))).to_be_visible()
    looked_at(page, "admin", shots, language)
