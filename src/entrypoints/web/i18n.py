"""The page's interface languages: English (the messages themselves), Ukrainian, Russian and
Italian from gettext catalogues (Babel), compiled in memory when first asked for.

- the language is the `tesigo_lang` cookie the "Interface language" select sets, else the
  best match for the browser's `Accept-Language`, else English
- templates translate with `_()` / `ngettext()` and format numbers and dates with the
  `number` and `day` filters and `money()`; each looks up the language of the request being rendered
- Python code marks a message for the catalogues with `N_()` and the template translates it
"""

from __future__ import annotations

from datetime import date
from functools import cache
from gettext import NullTranslations
from io import BytesIO
from pathlib import Path
from typing import Any

from babel.core import negotiate_locale
from babel.dates import format_date
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_currency, format_decimal, get_currency_precision
from babel.support import Translations
from jinja2 import Environment, pass_context
from jinja2.runtime import Context
from litestar import Request

ENGLISH = "en"
INTERFACE_LANGUAGES = {"en": "English", "uk": "Українська", "ru": "Русский", "it": "Italiano"}
LANGUAGE_COOKIE = "tesigo_lang"
CATALOGUES = Path(__file__).parent / "locale"


def N_(message: str) -> str:
    """Marks `message` for the catalogues; the template translates it when it shows it."""
    return message


@cache
def translations(language: str) -> NullTranslations:
    """The catalogue for `language` (English: the messages as written)."""
    if language not in INTERFACE_LANGUAGES or language == ENGLISH:
        return NullTranslations()
    with (CATALOGUES / language / "LC_MESSAGES" / "messages.po").open("rb") as po:
        catalogue = read_po(po, locale=language)
    compiled = BytesIO()
    write_mo(compiled, catalogue)
    compiled.seek(0)
    return Translations(compiled)


def interface_language(request: Request[Any, Any, Any]) -> str:
    """The language the page speaks to this request's browser."""
    chosen = request.cookies.get(LANGUAGE_COOKIE)
    if chosen in INTERFACE_LANGUAGES:
        return chosen
    return negotiate_locale(_preferred(request.headers.get("accept-language", "")),
                            list(INTERFACE_LANGUAGES), sep="-") or ENGLISH


def _preferred(header: str) -> list[str]:
    """`Accept-Language`'s languages, most wanted first (RFC 9110 §12.5.4); q=0 is refused."""
    ranked: list[tuple[float, int, str]] = []
    for position, item in enumerate(header.split(",")[:20]):
        tag, _, parameters = item.strip().partition(";")
        weight = 1.0
        if parameters.strip().startswith("q="):
            try:
                weight = float(parameters.strip()[2:])
            except ValueError:
                continue
        if tag and weight > 0:
            ranked.append((-weight, position, tag.strip()))
    return [tag for _, _, tag in sorted(ranked)]


def _language(context: Context) -> str:
    request = context.get("request")
    return ENGLISH if request is None else interface_language(request)


@pass_context
def translate(context: Context, message: str) -> str:
    """`message` in the language of the request `context` renders."""
    return translations(_language(context)).gettext(message)


@pass_context
def _ngettext(context: Context, singular: str, plural: str, count: int) -> str:
    return translations(_language(context)).ngettext(singular, plural, count)


@pass_context
def _number(context: Context, value: float) -> str:
    return format_decimal(value, locale=_language(context))


@pass_context
def _day(context: Context, value: date) -> str:
    return format_date(value, format="medium", locale=_language(context))


@pass_context
def _money(context: Context, money: Any, currency: str | None = None) -> str:
    """A `Money`, or an amount in minor units of `currency`, in the locale's way: "€9.00",
    "9,00 €"."""
    amount, code = (money.amount, money.currency) if currency is None else (money, currency)
    code = code.upper()
    return format_currency(amount / 10 ** get_currency_precision(code), code,
                           locale=_language(context))


@pass_context
def _current(context: Context) -> str:
    return _language(context)


def install(environment: Environment) -> None:
    """Teaches `environment` the page's languages (Litestar's `engine_callback`)."""
    environment.add_extension("jinja2.ext.i18n")
    environment.install_gettext_callables(  # type: ignore[attr-defined]
        gettext=translate, ngettext=_ngettext, newstyle=True)
    environment.filters.update(number=_number, day=_day)
    environment.globals.update(interface_language=_current, money=_money,
                               interface_languages=INTERFACE_LANGUAGES)
