"""What the in-memory unit of work adds for use-case tests: commit counting and locks that
go away with their transaction."""

import gc

import pytest
from tests.builders import NOW, a_magic_link, a_user, an_outbox_message, minutes

from adapters.memory.database import InMemoryDatabase
from adapters.memory.magic_links import InMemoryMagicLinkRepository
from adapters.memory.outbox import InMemoryOutbox
from adapters.memory.transactions import InMemoryTransactionManager
from adapters.memory.users import InMemoryUserRepository
from domain.errors import Conflict, InvalidMagicLink


async def test_commits_are_counted_and_failed_ones_are_not() -> None:
    db = InMemoryDatabase()
    first, second = InMemoryTransactionManager(db), InMemoryTransactionManager(db)
    user = a_user()
    await InMemoryUserRepository(first).add(user)
    await InMemoryUserRepository(second).add(a_user(email=user.email))

    await first.commit()
    with pytest.raises(Conflict):
        await second.commit()

    assert (first.commits, second.commits) == (1, 0)
    assert await InMemoryUserRepository(second).find_by_email(user.email) == user


async def test_a_failed_commit_applies_nothing() -> None:
    db = InMemoryDatabase()
    link = a_magic_link()
    setup = InMemoryTransactionManager(db)
    await InMemoryMagicLinkRepository(setup).add(link)
    await setup.commit()
    first, second = InMemoryTransactionManager(db), InMemoryTransactionManager(db)
    await InMemoryMagicLinkRepository(first).mark_used(link.consume(NOW))
    await InMemoryMagicLinkRepository(second).mark_used(link.consume(NOW + minutes(1)))
    bystander = a_user()
    await InMemoryUserRepository(second).add(bystander)
    await first.commit()

    with pytest.raises(InvalidMagicLink):
        await second.commit()

    reader = InMemoryTransactionManager(db)
    assert await InMemoryUserRepository(reader).find_by_email(bystander.email) is None
    assert await InMemoryMagicLinkRepository(reader).find(link.token_digest) == link.consume(NOW)


async def test_claims_of_a_dropped_transaction_are_released() -> None:
    db = InMemoryDatabase()
    setup = InMemoryTransactionManager(db)
    message = an_outbox_message()
    await InMemoryOutbox(setup).add(message)
    await setup.commit()

    abandoned = InMemoryTransactionManager(db)
    assert len(await InMemoryOutbox(abandoned).claim_due(NOW, 10, 60)) == 1
    del abandoned
    gc.collect()

    claimed = await InMemoryOutbox(InMemoryTransactionManager(db)).claim_due(NOW, 10, 60)
    assert [m.id for m in claimed] == [message.id]
