from datetime import datetime

from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from adapters.sql.execution import execute
from adapters.sql.payment_tables import processed_events
from domain.ports.payments import ProcessedEvents

_e = processed_events.c
_RECORD = {name: upsert(processed_events).on_conflict_do_nothing(index_elements=[_e.event_id])
           .returning(_e.event_id)
           for name, upsert in (("postgresql", postgresql.insert), ("sqlite", sqlite.insert))}


class SqlProcessedEvents(ProcessedEvents):
    """Event ids in `processed_events`, unique by primary key.

    `record` is one INSERT ... ON CONFLICT DO NOTHING RETURNING: a row comes back only when
    it inserted. On PostgreSQL an insert of an id that another transaction has inserted and
    not yet committed waits for that transaction, then does nothing if it committed and
    inserts if it rolled back; on SQLite writers take turns. It never fails with an
    IntegrityError of its own.
    """

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def record(self, event_id: str, event_type: str, now: datetime) -> bool:
        statement = _RECORD[self._session.get_bind().dialect.name]
        inserted = await execute(self._session, statement, {
            "event_id": event_id, "event_type": event_type, "processed_at": now})
        return inserted.one_or_none() is not None
