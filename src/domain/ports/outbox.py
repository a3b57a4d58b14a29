from abc import abstractmethod
from datetime import datetime
from typing import Protocol

from domain.ids import OutboxMessageId
from domain.outbox import OutboxMessage


class Outbox(Protocol):
    """E-mails waiting for delivery, stored in the caller's transaction.

    - `claim_due` returns up to `limit` messages due at `now`, oldest first, and pushes
      their next attempt `lease` seconds ahead in the same step, so two workers never send
      the same message at once (the caller commits the claim before sending).
    - `get` returns None for an unknown id.
    - `purge_sent` deletes messages delivered before `before`; returns how many.
    - `count_pending` counts the messages still to deliver (not sent, attempts left), due
      or not: the depth of the outbox.
    """

    @abstractmethod
    async def add(self, message: OutboxMessage) -> None: ...

    @abstractmethod
    async def get(self, id: OutboxMessageId) -> OutboxMessage | None: ...

    @abstractmethod
    async def claim_due(self, now: datetime, limit: int, lease_s: int) -> list[OutboxMessage]: ...

    @abstractmethod
    async def save(self, message: OutboxMessage) -> None: ...

    @abstractmethod
    async def purge_sent(self, before: datetime) -> int: ...

    @abstractmethod
    async def count_pending(self) -> int: ...
