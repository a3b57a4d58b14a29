from abc import abstractmethod
from typing import Protocol

from domain.ids import UserId
from domain.pages import Page, PageRequest
from domain.users import Email, User


class UserRepository(Protocol):
    """Users by id and by e-mail.

    - `add` raises Conflict when the e-mail is taken (e-mails are unique, case-insensitively).
    - `get` raises NotFound for an unknown id; `find_by_email` returns None instead.
    - `save` stores the whole user; `delete` erases the user and is a no-op when absent.
    - `list` is oldest first.
    """

    @abstractmethod
    async def add(self, user: User) -> None: ...

    @abstractmethod
    async def get(self, id: UserId) -> User: ...

    @abstractmethod
    async def find_by_email(self, email: Email) -> User | None: ...

    @abstractmethod
    async def save(self, user: User) -> None: ...

    @abstractmethod
    async def delete(self, id: UserId) -> None: ...

    @abstractmethod
    async def list(self, page: PageRequest) -> Page[User]: ...
