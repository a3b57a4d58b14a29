from abc import abstractmethod
from datetime import datetime
from typing import Protocol

from domain.magic_links import MagicLink


class MagicLinkRepository(Protocol):
    """Sign-in links, found by the digest of their token.

    - `find` returns None for an unknown digest.
    - `mark_used` records a consumed link only if it was still unused in storage; when a
      concurrent request spent it first it raises InvalidMagicLink, so a link works once.
    - `delete_expired` removes links that expired before `now`, used or not; returns how many.
    """

    @abstractmethod
    async def add(self, link: MagicLink) -> None: ...

    @abstractmethod
    async def find(self, token_digest: str) -> MagicLink | None: ...

    @abstractmethod
    async def mark_used(self, link: MagicLink) -> None: ...

    @abstractmethod
    async def delete_expired(self, now: datetime) -> int: ...
