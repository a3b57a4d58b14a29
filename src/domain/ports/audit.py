from abc import abstractmethod
from collections.abc import Sequence
from typing import Protocol

from domain.audit import AuditEntry
from domain.ids import UserId
from domain.pages import Page, PageRequest


class AuditLog(Protocol):
    """Append-only record of security and admin events.

    - `record` appends in the caller's transaction; entries are never changed.
    - `list` is newest first.
    - `anonymise_actor` clears the actor of a user's entries when the account is erased.
    - `concerning` lists every entry by a user (their `actor_id`) or about them (a `target`
      among `domain.audit.targets_naming`), oldest first, in one round trip.
    """

    @abstractmethod
    async def record(self, entry: AuditEntry) -> None: ...

    @abstractmethod
    async def list(self, page: PageRequest) -> Page[AuditEntry]: ...

    @abstractmethod
    async def anonymise_actor(self, actor_id: UserId) -> None: ...

    @abstractmethod
    async def concerning(self, user_id: UserId) -> Sequence[AuditEntry]: ...
