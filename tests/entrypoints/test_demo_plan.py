"""The demo plan: the same arguments give the same data; titles never repeat per person."""

import pytest

from domain.demo_accounts import DEMO_DOMAIN
from entrypoints.demo.plan import Outcome, demo_plan


def test_the_same_arguments_give_the_same_plan_and_another_seed_another() -> None:
    assert demo_plan(users=4, documents=9, seed=7) == demo_plan(users=4, documents=9, seed=7)
    assert demo_plan(users=4, documents=9, seed=7) != demo_plan(users=4, documents=9, seed=8)


def test_more_people_keep_the_first_ones() -> None:
    few, more = demo_plan(users=3, documents=0, seed=1), demo_plan(users=6, documents=0, seed=1)
    assert more.people[:3] == few.people


def test_addresses_are_demo_ones_and_distinct() -> None:
    people = demo_plan(users=50, documents=0, seed=1).people
    assert all(p.email.endswith("@" + DEMO_DOMAIN) for p in people)
    assert len({p.email for p in people}) == 50


def test_a_person_never_gets_two_documents_of_one_title() -> None:
    plan = demo_plan(users=1, documents=40, seed=3)
    assert len({d.spec.title for d in plan.documents}) == 40


def test_payments_only_when_asked_and_the_first_one_is_paid() -> None:
    assert not demo_plan(users=5, documents=0, seed=1).payments
    payments = demo_plan(users=5, documents=0, seed=1, pack_ids=("starter",)).payments
    assert payments[0].owner == 0 and payments[0].outcome is Outcome.PAID


def test_documents_need_people() -> None:
    with pytest.raises(ValueError, match="demo user"):
        demo_plan(users=0, documents=1, seed=1)
