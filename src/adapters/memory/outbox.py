from dataclasses import replace
from datetime import datetime, timedelta

from adapters.memory.database import OUTBOX
from adapters.memory.transactions import InMemoryTransactionManager
from domain.errors import NotFound
from domain.ids import OutboxMessageId
from domain.outbox import OutboxMessage
from domain.ports.outbox import Outbox


class InMemoryOutbox(Outbox):
    """Claims skip messages that another live transaction has claimed, as SKIP LOCKED does."""

    def __init__(self, tx: InMemoryTransactionManager) -> None:
        self._tx = tx

    async def add(self, message: OutboxMessage) -> None:
        self._tx.put(OUTBOX, message.id, message)

    async def get(self, id: OutboxMessageId) -> OutboxMessage | None:
        message: OutboxMessage | None = self._tx.get(OUTBOX, id)
        return message

    async def claim_due(self, now: datetime, limit: int, lease_s: int) -> list[OutboxMessage]:
        messages: list[OutboxMessage] = self._tx.rows(OUTBOX)
        due = sorted((m for m in messages if m.is_due(now)), key=lambda m: (m.created_at, m.id))
        claimed: list[OutboxMessage] = []
        for message in due:
            if len(claimed) == limit:
                break
            if self._tx.lock_row(OUTBOX, message.id):
                leased = replace(message, next_attempt_at=now + timedelta(seconds=lease_s))
                self._tx.put(OUTBOX, message.id, leased)
                claimed.append(leased)
        return claimed

    async def save(self, message: OutboxMessage) -> None:
        if self._tx.get(OUTBOX, message.id) is None:
            raise NotFound("No such outbox message.")
        self._tx.put(OUTBOX, message.id, message)

    async def purge_sent(self, before: datetime) -> int:
        messages: list[OutboxMessage] = self._tx.rows(OUTBOX)
        sent = [m for m in messages if m.sent_at is not None and m.sent_at < before]
        for message in sent:
            self._tx.remove(OUTBOX, message.id)
        return len(sent)

    async def count_pending(self) -> int:
        messages: list[OutboxMessage] = self._tx.rows(OUTBOX)
        return sum(1 for message in messages if message.pending)
