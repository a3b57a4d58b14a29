from adapters.memory.database import USER_EMAILS, USERS
from adapters.memory.documents import InMemoryDocumentRepository
from adapters.memory.pages import page_of
from adapters.memory.sessions import InMemorySessionRepository
from adapters.memory.transactions import InMemoryTransactionManager
from adapters.memory.two_factor import SECOND_FACTORS
from domain.errors import Conflict, NotFound
from domain.ids import UserId
from domain.pages import Page, PageRequest
from domain.ports.users import UserRepository
from domain.users import Email, User


class InMemoryUserRepository(UserRepository):
    """Users, with a unique index of e-mails checked when written and again on commit."""

    def __init__(self, tx: InMemoryTransactionManager) -> None:
        self._tx = tx

    async def add(self, user: User) -> None:
        self._claim_email(user)
        self._tx.put(USERS, user.id, user)

    async def get(self, id: UserId) -> User:
        user: User | None = self._tx.get(USERS, id)
        if user is None:
            raise NotFound("No such user.")
        return user

    async def find_by_email(self, email: Email) -> User | None:
        user_id = self._tx.get(USER_EMAILS, email)
        return None if user_id is None else self._tx.get(USERS, user_id)

    async def save(self, user: User) -> None:
        stored = await self.get(user.id)
        if stored.email != user.email:
            self._claim_email(user)
            self._tx.remove(USER_EMAILS, stored.email)
        self._tx.put(USERS, user.id, user)

    async def delete(self, id: UserId) -> None:
        user: User | None = self._tx.get(USERS, id)
        if user is None:
            return
        await InMemoryDocumentRepository(self._tx).delete_all(id)
        InMemorySessionRepository(self._tx).forget_user(id)
        if self._tx.get(SECOND_FACTORS, id) is not None:  # as the foreign key cascades in SQL
            self._tx.remove(SECOND_FACTORS, id)
        self._tx.remove(USER_EMAILS, user.email)
        self._tx.remove(USERS, id)

    async def list(self, page: PageRequest) -> Page[User]:
        return page_of(self._tx.rows(USERS), page, key=lambda user: (user.created_at, user.id))

    def _claim_email(self, user: User) -> None:
        owner = self._tx.get(USER_EMAILS, user.email)
        if owner is not None and owner != user.id:
            raise Conflict("That e-mail address is already registered.")
        self._tx.put(USER_EMAILS, user.email, user.id, guard=Conflict)
