"""The words the page shows for the domain's states and kinds, marked for the catalogues
(the domain's values are codes, not English for people)."""

from __future__ import annotations

from enum import Enum

from jinja2 import pass_context
from jinja2.runtime import Context

from entrypoints.web.i18n import N_, translate

LABELS = {
    "thesis": N_("Thesis"), "coursework": N_("Coursework"), "essay": N_("Essay"),
    "article": N_("Article"), "report": N_("Report"),
    "draft": N_("draft"), "generating": N_("writing"), "ready": N_("ready"),
    "failed": N_("failed"), "queued": N_("queued"), "running": N_("running"),
    "succeeded": N_("succeeded"), "cancelled": N_("cancelled"), "pending": N_("pending"),
    "refunded": N_("refunded"),
    "supported": N_("supported"), "unverified": N_("unverified"),
}
STYLES = {"apa": "APA", "mla": "MLA", "harvard": "Harvard", "chicago": "Chicago",
          "ieee": "IEEE", "gost": "GOST"}


@pass_context
def label(context: Context, value: Enum | str) -> str:
    """The translated word for `value` (an enum's value, or a code)."""
    code = value.value if isinstance(value, Enum) else value
    if code in STYLES:
        return STYLES[code]
    return translate(context, LABELS.get(code, code))
