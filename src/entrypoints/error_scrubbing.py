"""What may leave for the error tracker: an event (or breadcrumb) walked from end to end,
with credentials, tokens, e-mail addresses and the service's own secrets masked.

Rules, wherever they occur (messages, exception values, stack-frame variables, breadcrumbs,
extra, tags, request headers, cookies, query strings and bodies):
- a value under a credential-like key (token, secret, password, authorization, cookie, ...)
  is replaced whole, unless it is a number, a bool or empty;
- in any text: e-mail addresses, `Bearer …`, `token=…`-style pairs, the password of a URL,
  JWTs and long random strings (32+ URL-safe characters mixing cases and digits, the shape
  of every token the service issues) are masked;
- the values of the secret settings (SECRET_KEY, STRIPE_*, SMTP_PASSWORD, OPENAI_API_KEY, …)
  are masked wherever they appear, even inside other text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from typing import Any

from entrypoints.logging import redact_text

REDACTED = "[redacted]"
EMAIL_MASK = "[email]"
CREDENTIAL_KEYS = re.compile(r"token|secret|passw|authorization|cookie|api_?key|signature|"
                             r"credential|csrf|session|dsn", re.I)
_EMAIL = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+")
_URL_PASSWORD = re.compile(r"(://[^/\s:@]*:)[^@\s/]+@")
_JWT = re.compile(r"eyJ[\w\-]+\.[\w\-]+\.[\w\-]*")
_RANDOM = re.compile(r"(?<![\w\-])(?=[\w\-]*\d)(?=[\w\-]*[a-z])(?=[\w\-]*[A-Z])"
                     r"[\w\-]{32,}(?![\w\-])", re.ASCII)
_KEPT_AS_IS = (int, float, bool, type(None), date)  # date covers datetime (breadcrumb times)


class Scrubber:
    """Masks what the module docstring lists; `secrets` are the secret settings' values."""

    def __init__(self, secrets: Iterable[str] = ()) -> None:
        # longest first: a secret that contains another is masked whole
        self._secrets = sorted({s for s in secrets if s}, key=len, reverse=True)

    def text(self, value: str) -> str:
        for secret in self._secrets:
            value = value.replace(secret, REDACTED)
        value = _URL_PASSWORD.sub(rf"\g<1>{REDACTED}@", value)
        value = _EMAIL.sub(EMAIL_MASK, value)
        value = redact_text(value)
        value = _JWT.sub(REDACTED, value)
        return _RANDOM.sub(REDACTED, value)

    def value(self, value: Any) -> Any:
        """A copy of `value` with every leaf scrubbed; objects are read as their text."""
        if isinstance(value, dict):
            return {self._key(k): self._under(k, v) for k, v in value.items()}
        if isinstance(value, list | tuple):
            return [self.value(item) for item in value]
        if isinstance(value, _KEPT_AS_IS):
            return value
        return self.text(value if isinstance(value, str) else repr(value))

    def _key(self, key: Any) -> Any:
        return self.text(key) if isinstance(key, str) else key

    def _under(self, key: Any, value: Any) -> Any:
        if isinstance(key, str) and CREDENTIAL_KEYS.search(key) and value not in ("", None) \
                and not isinstance(value, int | float):
            return REDACTED
        return self.value(value)
