"""The words the page shows for the domain's states and kinds, marked for the catalogues
(the domain's values are codes, not English for people)."""

from __future__ import annotations

import re
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
# A job's `step` as the worker writes it (`domain.jobs`, `application.jobs`), for people.
STEPS = {"queued": N_("queued"), "starting": N_("starting"),
         "outline written": N_("outline written"), "done": N_("done"),
         "failed": N_("failed"), "waiting to retry": N_("waiting to retry"),
         "cancelled": N_("cancelled")}
SECTION_WRITTEN = N_("section %(n)s written")
_SECTION = re.compile(r"section (\d+) written")
STYLES = {"apa": "APA", "mla": "MLA", "harvard": "Harvard", "chicago": "Chicago",
          "ieee": "IEEE", "gost": "GOST"}


@pass_context
def label(context: Context, value: Enum | str) -> str:
    """The translated word for `value` (an enum's value, or a code)."""
    code = value.value if isinstance(value, Enum) else value
    if code in STYLES:
        return STYLES[code]
    return translate(context, LABELS.get(code, code))


@pass_context
def step(context: Context, value: str) -> str:
    """A job's step in the page's language (a step the page does not know, as it is)."""
    if found := _SECTION.fullmatch(value):
        return translate(context, SECTION_WRITTEN) % {"n": found.group(1)}
    return translate(context, STEPS.get(value, value))


@pass_context
def steps(context: Context) -> dict[str, str]:
    """Every step's words for the job's script; "section" holds `{n}` for the number."""
    return {**{code: translate(context, words) for code, words in STEPS.items()},
            "section": translate(context, SECTION_WRITTEN) % {"n": "{n}"}}
