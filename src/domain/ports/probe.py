from abc import abstractmethod
from typing import Protocol


class StorageProbe(Protocol):
    """Tells whether storage answers: `ping` returns when it does and raises when it does not."""

    @abstractmethod
    async def ping(self) -> None: ...
