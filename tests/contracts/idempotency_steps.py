"""Steps shared by the IdempotencyStore contract suites: each runs in a unit of work of its
own, which ends (rolled back if not committed) before the step returns, as a request's does."""

from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta
from typing import TypeVar

from tests.builders import NOW, a_user
from tests.contracts.storage import Storage, given

from domain.digests import digest
from domain.errors import DomainError
from domain.idempotency import KEY_LIFETIME, StoredResponse
from domain.ids import UserId
from domain.ports.idempotency import IdempotencyStore

T = TypeVar("T")
Step = Callable[[IdempotencyStore], Awaitable[T]]

KEY = "3f2c9a70-checkout"
REQUEST, OTHER_REQUEST = digest("POST /api/v1/jobs {1}"), digest("POST /api/v1/jobs {2}")
CREATED = StoredResponse(status=201, body=b'{"id": "7"}')


async def a_user_id(storage: Storage) -> UserId:
    user = a_user()
    await given(storage, user)
    return user.id


def begin(user: UserId, request: str = REQUEST, *, key: str = KEY, at: datetime = NOW,
          lifetime: timedelta = KEY_LIFETIME) -> Step[StoredResponse | None]:
    return lambda keys: keys.begin(user, key, request, at, lifetime)


def complete(user: UserId, response: StoredResponse = CREATED, *, key: str = KEY) -> Step[None]:
    return lambda keys: keys.complete(user, key, response)


def abandon(user: UserId, *, key: str = KEY) -> Step[None]:
    return lambda keys: keys.abandon(user, key)


async def committed(storage: Storage, step: Step[T]) -> T:
    return await in_unit(storage, step, commit=True)


async def rolled_back(storage: Storage, step: Step[T]) -> T:
    return await in_unit(storage, step, commit=False)


async def in_unit(storage: Storage, step: Step[T], *, commit: bool) -> T:
    unit = storage.begin()
    try:
        result = await step(unit.idempotency)
        if commit:
            await unit.tx.commit()
        return result
    finally:
        await unit.tx.rollback()
        await storage.end(unit)


async def outcome(storage: Storage, step: Step[T]) -> T | DomainError:
    """What the committed step returned, or the domain error it raised."""
    try:
        return await committed(storage, step)
    except DomainError as refused:
        return refused
