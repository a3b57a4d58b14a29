"""Demo accounts over the in-memory adapters: only demo addresses, made once, found apart
from real users."""

import pytest
from tests.application.conftest import Run
from tests.application.sign_in_steps import sign_in
from tests.memory_container import Fakes, InMemoryProvider, settings_for

from adapters.memory.database import AUDIT_LOG
from application.billing.get_balance import GetBalance
from application.demo.list_demo_accounts import ListDemoAccounts
from application.demo.register_demo_account import RegisterDemoAccount
from domain.errors import InvalidInput
from domain.users import Role
from entrypoints.demo.wiring import DemoProvider
from entrypoints.ioc import make_container


@pytest.fixture
async def run(fakes: Fakes):
    container = make_container(settings_for(signup_credits=1000), InMemoryProvider(fakes),
                               DemoProvider("whsec_demo_test"))
    yield Run(container)
    await container.close()


async def test_a_demo_account_is_signed_up_once_with_the_signup_credits(run, fakes) -> None:
    first = await run(RegisterDemoAccount, "Olena.Kovalenko.001@demo.example.org")
    again = await run(RegisterDemoAccount, "olena.kovalenko.001@demo.example.org")
    assert first.created and not again.created and again.user.id == first.user.id
    assert first.user.role is Role.USER
    assert (await run(GetBalance, first.user.id)).credits == 1000
    registered = [e for e in fakes.db.tables[AUDIT_LOG].values()
                  if e.action == "user.registered"]
    assert len(registered) == 1 and registered[0].details == {"demo": True}


@pytest.mark.parametrize("email", ["ada@example.org", "x@notdemo.example.org",
                                   "boss@example.com"])
async def test_other_addresses_are_refused(run, email) -> None:
    with pytest.raises(InvalidInput):
        await run(RegisterDemoAccount, email)


async def test_listing_finds_the_demo_accounts_and_no_one_else(run, fakes) -> None:
    await sign_in(run, fakes, "ada@example.com")
    made = [await run(RegisterDemoAccount, f"p.{i}@demo.example.org") for i in range(3)]
    found = await run(ListDemoAccounts)
    assert sorted(u.id for u in found) == sorted(m.user.id for m in made)
