from abc import abstractmethod
from collections.abc import Sequence
from datetime import datetime
from typing import Protocol

from domain.ids import UserId
from domain.sessions import SessionFamily


class SessionRepository(Protocol):
    """Session families and every refresh-token digest they ever issued.

    - `add` stores a new family with its first token digest.
    - `find_by_token` finds the family that issued a digest, current or rotated out; None
      for a digest never issued.
    - `save` stores the family (rotated or revoked); when its current digest is new, that
      digest is recorded as issued by it. `previous_digest` is the current digest as it was
      read: if storage no longer holds it as current because a concurrent request rotated
      the family first, `save` raises NotAuthenticated and writes nothing, so two concurrent
      rotations of one token cannot both win.
    - `revoke_all` revokes every active family of the user; returns how many.
    - `delete_ended` removes families revoked or expired before `now`; returns how many.
    - `all_of` lists every stored family of the user (active, revoked or expired), oldest
      first, in one round trip.
    """

    @abstractmethod
    async def add(self, family: SessionFamily) -> None: ...

    @abstractmethod
    async def find_by_token(self, token_digest: str) -> SessionFamily | None: ...

    @abstractmethod
    async def save(self, family: SessionFamily, *, previous_digest: str) -> None: ...

    @abstractmethod
    async def revoke_all(self, user_id: UserId, now: datetime) -> int: ...

    @abstractmethod
    async def delete_ended(self, now: datetime) -> int: ...

    @abstractmethod
    async def all_of(self, user_id: UserId) -> Sequence[SessionFamily]: ...
