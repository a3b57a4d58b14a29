"""Steps shared by the admin use-case tests."""

from typing import Any

from tests.application.sign_in_steps import sign_in

from adapters.memory.database import AUDIT_LOG
from application.auth.authenticate import Authenticate


async def someone(run, fakes, email="ada@example.com"):
    """Signs `email` in a minute after the last sign-in; the user and their token pair."""
    fakes.clock.advance(minutes=1)
    pair = await sign_in(run, fakes, email)
    return await run(Authenticate, pair.access_token), pair


async def boss(run, fakes):
    return (await someone(run, fakes, "boss@example.com"))[0]


def audited(fakes, action: str) -> list[Any]:
    return [entry for entry in fakes.db.tables[AUDIT_LOG].values() if entry.action == action]
