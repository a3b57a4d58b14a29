from abc import abstractmethod
from typing import NamedTuple, Protocol


class CounterReading(NamedTuple):
    value: int
    expires_in_s: int


class Counters(Protocol):
    """Integer counters that expire, shared by every process that uses the same store.

    - `increment(key, ttl_s)` adds one and returns the new value atomically: no two callers
      ever see the same value, also from different processes on a shared store. A key that
      is absent (or has expired) starts at 1 and expires `ttl_s` seconds later; later
      increments do not move that expiry.
    - `put(key, value, ttl_s)` sets the key outright, expiring `ttl_s` seconds later.
    - `peek(key)` reads a key and the whole seconds left before it expires (at least 1);
      None when it is absent or expired.
    - `delete(*keys)` removes keys; absent ones are ignored.
    """

    @abstractmethod
    async def increment(self, key: str, ttl_s: int) -> int: ...

    @abstractmethod
    async def put(self, key: str, value: int, ttl_s: int) -> None: ...

    @abstractmethod
    async def peek(self, key: str) -> CounterReading | None: ...

    @abstractmethod
    async def delete(self, *keys: str) -> None: ...
