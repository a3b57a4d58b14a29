from abc import abstractmethod
from typing import Protocol

from domain.errors import DomainError


class StorageBusy(DomainError):
    """Storage could not take the work in time (no free connection, or a statement that ran
    past its limit); nothing of the unit of work was kept, and it may be tried again later."""

    default_message = "The service is busy right now; nothing was changed. Try again shortly."


class StorageUnavailable(DomainError):
    """Storage cannot be reached: the database is down, restarting, or dropped the connection.
    The unit of work did not finish (one whose commit was under way when the connection went
    may or may not have been kept); it may be tried again once storage is back."""

    default_message = "The service cannot reach its database right now. Try again shortly."


class TransactionManager(Protocol):
    """The unit of work of one use case.

    Changes made through the repositories of the same scope become visible to others only
    after `commit`; a scope that ends without `commit` leaves storage as it was. Any of its
    repositories or `commit` may raise StorageBusy when storage cannot take the work in time,
    and StorageUnavailable when storage cannot be reached.
    """

    @abstractmethod
    async def commit(self) -> None: ...

    @abstractmethod
    async def rollback(self) -> None: ...
