"""What the page's answers promise the browser: the Content-Security-Policy, and which
paths need no CSRF token."""

from __future__ import annotations

from urllib.parse import urlsplit

from litestar.datastructures import ResponseHeader

from entrypoints.config import Settings

STRIPE_CHECKOUT = "https://checkout.stripe.com"


def page_headers(settings: Settings) -> list[ResponseHeader]:
    """The page's own files only: no inline script, no other origin. Forms may lead on to
    Stripe Checkout (the `STRIPE_API_BASE` server's origin too, where one is configured)."""
    forms = " ".join(dict.fromkeys(["'self'", STRIPE_CHECKOUT, *_origin(settings.stripe_api_base)]))
    policy = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
              f"connect-src 'self'; form-action {forms}; frame-ancestors 'none'; "
              "base-uri 'none'; object-src 'none'")
    return [ResponseHeader(name="Content-Security-Policy", value=policy)]


def _origin(url: str | None) -> list[str]:
    if not url:
        return []
    parts = urlsplit(url)
    return [f"{parts.scheme}://{parts.netloc}"]


# The JSON API authenticates with a bearer header, which a browser never adds by itself, so
# it needs no CSRF token; the Stripe webhook is signed. Every other change (the page's
# forms) carries the token.
NO_CSRF = ["^/api/", "^/metrics", "^/health", "^/ready", "^/schema"]
