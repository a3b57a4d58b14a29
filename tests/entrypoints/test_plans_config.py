"""SUBSCRIPTION_PLANS: none by default, the operator's JSON otherwise, refused at start-up
with the reason when it is wrong."""

import pytest

from entrypoints.config import ConfigError, Settings
from entrypoints.plans_config import subscription_plans

STUDENT = ('{"id": "student", "name": "Студент", "credits": 1000000, "amount": 999, '
           '"currency": "EUR", "stripe_price_id": "price_1"}')


def test_no_plans_unless_configured() -> None:
    assert subscription_plans(None) == () and subscription_plans("") == ()


def test_the_operators_plans() -> None:
    [plan] = subscription_plans(f"[{STUDENT}]")
    assert (plan.id, plan.name, plan.credits, plan.price.amount, plan.price.currency) == (
        "student", "Студент", 1_000_000, 999, "eur")
    assert not plan.rollover and plan.price_id("stripe") == "price_1"


@pytest.mark.parametrize(("raw", "says"), [
    ("not json", "JSON"),
    (f"[{STUDENT}, {STUDENT}]", "unique"),
    ('[{"id": "a", "name": "A", "credits": 0, "amount": 1, "currency": "eur"}]', "credits"),
    ('[{"id": "a", "name": "A", "credits": 1, "amount": 1, "currency": "eur", "extra": 1}]',
     "extra"),
    ('[{"id": "a", "name": "A", "credits": 1, "amount": 1, "currency": "eur", '
     '"stripe_price_id": "p"}, {"id": "b", "name": "B", "credits": 1, "amount": 1, '
     '"currency": "eur", "stripe_price_id": "p"}]', "stripe_price_id"),
])
def test_wrong_plans_say_what_is_wrong(raw: str, says: str) -> None:
    with pytest.raises(ValueError, match=says):
        subscription_plans(raw)


def test_the_service_refuses_to_start_with_wrong_plans() -> None:
    with pytest.raises(ConfigError, match="SUBSCRIPTION_PLANS"):
        Settings(subscription_plans="[{}]").check()
