"""What `seed-demo` makes, worked out from the counts and a seed alone: the same arguments
give the same people, documents and payments, so a second run finds them all made.

People and their payments depend on their number only; documents go round the people, one
each in turn, and round the languages, so a few documents already span several languages
and citation styles (a person's titles never repeat: they are how a run finds what an
earlier one made)."""

from __future__ import annotations

import random
from dataclasses import dataclass
from enum import StrEnum

from domain.demo_accounts import demo_address
from domain.documents import CitationStyle, DocumentSpec, Kind
from domain.languages import Language
from entrypoints.demo.catalogue import LANGUAGES, NAMES, STYLES, TOPICS

WORDS = {Kind.ESSAY: (600, 1000), Kind.ARTICLE: (800, 1200), Kind.REPORT: (700, 1100),
         Kind.COURSEWORK: (1000, 1500), Kind.THESIS: (1200, 1800)}


class Stage(StrEnum):
    """How far a demo document is taken, through the use cases a writer would call."""

    DRAFT = "draft"          # created only
    OUTLINED = "outlined"    # an outline with its sources
    PARTIAL = "partial"      # an outline and its first sections, written one at a time
    GENERATED = "generated"  # written whole by a generation job
    CANCELLED = "cancelled"  # a generation job queued, then cancelled


STAGES = (Stage.GENERATED, Stage.PARTIAL, Stage.OUTLINED, Stage.GENERATED, Stage.DRAFT,
          Stage.CANCELLED)


class Outcome(StrEnum):
    PAID = "paid"
    PENDING = "pending"    # the checkout page was left without paying
    REFUNDED = "refunded"  # paid, then refunded in full


@dataclass(frozen=True, slots=True, kw_only=True)
class Person:
    email: str
    display_name: str


@dataclass(frozen=True, slots=True, kw_only=True)
class PlannedDocument:
    owner: int
    spec: DocumentSpec
    stage: Stage
    sections: int  # how many sections a PARTIAL document gets written


@dataclass(frozen=True, slots=True, kw_only=True)
class PlannedPayment:
    owner: int
    pack_id: str
    outcome: Outcome


@dataclass(frozen=True, slots=True, kw_only=True)
class DemoPlan:
    people: tuple[Person, ...]
    documents: tuple[PlannedDocument, ...]
    payments: tuple[PlannedPayment, ...]


def demo_plan(*, users: int, documents: int, seed: int,
              pack_ids: tuple[str, ...] = ()) -> DemoPlan:
    """`users` people, `documents` documents among them and, with `pack_ids`, a few
    payments each (the first person's first one paid). ValueError for documents without
    people."""
    if documents and not users:
        raise ValueError("demo documents need at least one demo user")
    people = tuple(_person(i, _rng(seed, "person", i)) for i in range(users))
    titles: dict[int, set[str]] = {}
    planned = tuple(_document(j, j % users, _rng(seed, "document", j),
                              titles.setdefault(j % users, set()))
                    for j in range(documents))
    payments = tuple(payment for i in range(users) if pack_ids
                     for payment in _payments(i, _rng(seed, "payments", i),
                                              pack_ids))
    return DemoPlan(people=people, documents=planned, payments=payments)


def _rng(seed: int, kind: str, index: int) -> random.Random:
    """One generator per thing made, so one thing's draws never shift another's."""
    return random.Random(f"{seed}/{kind}/{index}")  # noqa: S311 (made-up data, no secret)


def _person(index: int, rng: random.Random) -> Person:
    name, local_part = rng.choice(NAMES[rng.choice(sorted(NAMES))])
    return Person(email=demo_address(f"{local_part}.{index + 1:03d}").value, display_name=name)


def _document(index: int, owner: int, rng: random.Random, taken: set[str]) -> PlannedDocument:
    language = LANGUAGES[index % len(LANGUAGES)]
    styles = STYLES[language]
    title = _free_title(TOPICS[language], rng, taken)
    taken.add(title)
    kind = rng.choice(list(Kind))
    low, high = WORDS[kind]
    spec = DocumentSpec(title=title, topic=title, kind=kind, language=Language(language),
                        target_words=rng.randrange(low, high + 1, 100),
                        citation_style=CitationStyle(styles[index // len(LANGUAGES)
                                                            % len(styles)]))
    return PlannedDocument(owner=owner, spec=spec, stage=STAGES[index % len(STAGES)],
                           sections=rng.randint(1, 2))


def _free_title(topics: tuple[str, ...], rng: random.Random, taken: set[str]) -> str:
    """A topic its owner has no document on yet; once all are taken, one numbered anew."""
    start = rng.randrange(len(topics))
    for round_ in range(1, len(taken) + 2):
        for step in range(len(topics)):
            title = topics[(start + step) % len(topics)]
            title = title if round_ == 1 else f"{title} ({round_})"
            if title not in taken:
                return title
    raise AssertionError("unreachable: there are fewer taken titles than candidates")


def _payments(owner: int, rng: random.Random, pack_ids: tuple[str, ...]
              ) -> list[PlannedPayment]:
    count = 1 if owner == 0 else rng.choice((0, 1, 1, 2))
    outcomes = [Outcome.PAID if owner == 0 and at == 0 else
                rng.choices(list(Outcome), weights=(7, 2, 1))[0] for at in range(count)]
    return [PlannedPayment(owner=owner, pack_id=rng.choice(pack_ids), outcome=outcome)
            for outcome in outcomes]
