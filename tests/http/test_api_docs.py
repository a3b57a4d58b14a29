"""Swagger UI at /schema/swagger works offline: every script, style and icon the page
names is served by the app itself, and its CSP allows nothing but 'self'."""

import re
from html.parser import HTMLParser

from entrypoints.http.api_docs import SWAGGER_UI_VERSION


class Resources(HTMLParser):
    """The URLs a page loads (scripts, styles, icons) and whether it has inline code."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []
        self.inline: list[str] = []
        self._tag = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        named = dict(attrs)
        self._tag = tag
        if tag == "script" and named.get("src"):
            self.urls.append(named["src"] or "")
        if tag == "link" and named.get("href"):
            self.urls.append(named["href"] or "")
        if any(name.startswith("on") or name == "style" for name, _ in attrs):
            self.inline.append(f"{tag} attribute")

    def handle_data(self, data: str) -> None:
        if self._tag in ("script", "style") and data.strip():
            self.inline.append(self._tag)

    def handle_endtag(self, tag: str) -> None:
        self._tag = ""


async def test_the_swagger_page_loads_only_local_files_that_answer(client) -> None:
    page = await client.get("/schema/swagger")
    assert page.status_code == 200
    resources = Resources()
    resources.feed(page.text)

    assert resources.inline == []  # nothing the CSP would have to allow by hash or nonce
    assert len(resources.urls) == 4  # icon, stylesheet, Swagger UI, its initializer
    kinds = {".js": "javascript", ".css": "text/css", ".png": "image/png"}
    for url in resources.urls:
        assert url.startswith("/schema/static/"), url  # no host: no CDN
        answer = await client.get(url)
        assert answer.status_code == 200, url
        kind = next(kind for suffix, kind in kinds.items() if url.endswith(suffix))
        assert kind in answer.headers["content-type"], (url, answer.headers["content-type"])
        assert answer.content
    assert "//" not in page.text  # no URL with a host, not even a protocol-relative one


async def test_the_initializer_fetches_the_openapi_document_the_page_names(client) -> None:
    page = (await client.get("/schema/swagger")).text
    [url] = re.findall(r'data-openapi-url="([^"]+)"', page)
    assert url == "/schema/openapi.json"
    assert (await client.get(url)).json()["openapi"].startswith("3.")
    initializer = (await client.get("/schema/static/swagger-initializer.js")).text
    assert "SwaggerUIBundle(" in initializer and "openapiUrl" in initializer


async def test_the_docs_csp_allows_only_self(client) -> None:
    csp = (await client.get("/schema/swagger")).headers["content-security-policy"]
    directives = dict(part.strip().split(" ", 1) for part in csp.split(";"))
    assert directives["default-src"] == "'self'"
    assert directives["img-src"] == "'self' data:"
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert "http" not in csp and "cdn" not in csp and "unpkg" not in csp


async def test_the_vendored_bundle_is_the_pinned_version(client) -> None:
    bundle = (await client.get("/schema/static/swagger-ui-bundle.js")).text
    assert f'PACKAGE_VERSION:"{SWAGGER_UI_VERSION}"' in bundle
    notice = (await client.get("/schema/static/NOTICE")).text
    assert "SmartBear" in notice
