from abc import abstractmethod
from datetime import datetime
from typing import Protocol
from uuid import UUID


class Clock(Protocol):
    """The current time, timezone-aware UTC."""

    @abstractmethod
    def now(self) -> datetime: ...


class IdGenerator(Protocol):
    """Fresh, unique ids."""

    @abstractmethod
    def new_id(self) -> UUID: ...


class SecretGenerator(Protocol):
    """Unguessable URL-safe secrets of at least 256 bits."""

    @abstractmethod
    def new_secret(self) -> str: ...


class SecretDeriver(Protocol):
    """A keyed one-way function on secrets: the same secret always derives the same URL-safe
    secret of at least 256 bits, which nobody without the service's key can compute, and
    from which the input cannot be recovered."""

    @abstractmethod
    def derive(self, secret: str) -> str: ...
