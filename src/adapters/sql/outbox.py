from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Row, bindparam, delete, func, insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from adapters.sql.execution import execute
from adapters.sql.tables import outbox_messages
from domain.errors import NotFound
from domain.ids import OutboxMessageId
from domain.outbox import MAX_DELIVERY_ATTEMPTS, EmailMessage, OutboxMessage
from domain.ports.outbox import Outbox

_c = outbox_messages.c
_INSERT = insert(outbox_messages)
_GET = select(outbox_messages).where(_c.id == bindparam("message_id"))
_UPDATE = update(outbox_messages).where(_c.id == bindparam("message_id"))
_PURGE = delete(outbox_messages).where(_c.sent_at < bindparam("before"))
_PENDING = (select(func.count()).select_from(outbox_messages)
            .where(_c.sent_at.is_(None), _c.attempts < MAX_DELIVERY_ATTEMPTS))
_DUE = (select(_c.id)
        .where(_c.sent_at.is_(None), _c.attempts < MAX_DELIVERY_ATTEMPTS,
               _c.next_attempt_at <= bindparam("now"))
        .order_by(_c.created_at, _c.id)
        .limit(bindparam("claim_limit"))
        .with_for_update(skip_locked=True))
_CLAIM = (update(outbox_messages).where(_c.id.in_(_DUE.scalar_subquery()))
          .values(next_attempt_at=bindparam("leased_until"))
          .returning(*_c))


class SqlOutbox(Outbox):
    """`claim_due` is one UPDATE of the due rows, which PostgreSQL picks with FOR UPDATE SKIP
    LOCKED so that concurrent claimers get disjoint messages; SQLite serialises writers."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def add(self, message: OutboxMessage) -> None:
        await execute(self._session, _INSERT, {**_values(message), "id": message.id})

    async def get(self, id: OutboxMessageId) -> OutboxMessage | None:
        row = (await execute(self._session, _GET, {"message_id": id})).one_or_none()
        return None if row is None else _message(row)

    async def claim_due(self, now: datetime, limit: int, lease_s: int) -> list[OutboxMessage]:
        parameters = {"now": now, "claim_limit": limit,
                      "leased_until": now + timedelta(seconds=lease_s)}
        claimed = [_message(row) for row in await execute(self._session, _CLAIM, parameters)]
        return sorted(claimed, key=lambda message: (message.created_at, message.id))

    async def save(self, message: OutboxMessage) -> None:
        parameters = {**_values(message), "message_id": message.id}
        if (await execute(self._session, _UPDATE, parameters)).rowcount == 0:
            raise NotFound("No such outbox message.")

    async def purge_sent(self, before: datetime) -> int:
        return (await execute(self._session, _PURGE, {"before": before})).rowcount

    async def count_pending(self) -> int:
        return int((await execute(self._session, _PENDING, {})).scalar_one())


def _values(message: OutboxMessage) -> dict[str, Any]:
    return {"recipient": message.message.to, "subject": message.message.subject,
            "text_body": message.message.text, "html_body": message.message.html,
            "created_at": message.created_at, "next_attempt_at": message.next_attempt_at,
            "attempts": message.attempts, "sent_at": message.sent_at,
            "last_error": message.last_error}


def _message(row: Row[Any]) -> OutboxMessage:
    email = EmailMessage(to=row.recipient, subject=row.subject, text=row.text_body,
                         html=row.html_body)
    return OutboxMessage(id=OutboxMessageId(row.id), message=email, created_at=row.created_at,
                         next_attempt_at=row.next_attempt_at, attempts=row.attempts,
                         sent_at=row.sent_at, last_error=row.last_error)
