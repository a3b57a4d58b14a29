from typing import Any

from sqlalchemy import Row, bindparam, delete, insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from adapters.sql.execution import execute
from adapters.sql.paging import PagedQuery
from adapters.sql.tables import users
from domain.errors import Conflict, NotFound
from domain.ids import UserId
from domain.pages import Page, PageRequest
from domain.ports.users import UserRepository
from domain.users import Email, Role, User


def _email_taken() -> Conflict:
    return Conflict("That e-mail address is already registered.")


def user_from_row(row: Row[Any]) -> User:
    return User(id=UserId(row.id), email=Email(row.email), role=Role(row.role),
                created_at=row.created_at, blocked=row.blocked, token_version=row.token_version,
                display_name=row.display_name)


_CONFLICTS = {"uq_users_email": _email_taken, "users.email": _email_taken}
_INSERT = insert(users)
_BY_ID = select(users).where(users.c.id == bindparam("user_id"))
_BY_EMAIL = select(users).where(users.c.email == bindparam("user_email"))
_UPDATE = update(users).where(users.c.id == bindparam("user_id"))
_DELETE = delete(users).where(users.c.id == bindparam("user_id"))
_OLDEST_FIRST = PagedQuery(select(users).order_by(users.c.created_at, users.c.id),
                           user_from_row)


class SqlUserRepository(UserRepository):
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def add(self, user: User) -> None:
        await execute(self._session, _INSERT, {**_values(user), "id": user.id},
                      conflicts=_CONFLICTS)

    async def get(self, id: UserId) -> User:
        row = (await execute(self._session, _BY_ID, {"user_id": id})).one_or_none()
        if row is None:
            raise NotFound("No such user.")
        return user_from_row(row)

    async def find_by_email(self, email: Email) -> User | None:
        result = await execute(self._session, _BY_EMAIL, {"user_email": email.value})
        row = result.one_or_none()
        return None if row is None else user_from_row(row)

    async def save(self, user: User) -> None:
        values = {**_values(user), "user_id": user.id}
        result = await execute(self._session, _UPDATE, values, conflicts=_CONFLICTS)
        if result.rowcount == 0:
            raise NotFound("No such user.")

    async def delete(self, id: UserId) -> None:
        await execute(self._session, _DELETE, {"user_id": id})

    async def list(self, page: PageRequest) -> Page[User]:
        return await _OLDEST_FIRST.fetch(self._session, page)


def _values(user: User) -> dict[str, Any]:
    return {"email": user.email.value, "role": user.role.value,
            "created_at": user.created_at, "blocked": user.blocked,
            "token_version": user.token_version, "display_name": user.display_name}
