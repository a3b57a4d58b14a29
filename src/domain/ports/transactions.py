from abc import abstractmethod
from typing import Protocol


class TransactionManager(Protocol):
    """The unit of work of one use case.

    Changes made through the repositories of the same scope become visible to others only
    after `commit`; a scope that ends without `commit` leaves storage as it was.
    """

    @abstractmethod
    async def commit(self) -> None: ...

    @abstractmethod
    async def rollback(self) -> None: ...
