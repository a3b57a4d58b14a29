from dataclasses import dataclass
from datetime import datetime

from adapters.memory.database import PROCESSED_EVENTS
from adapters.memory.transactions import InMemoryTransactionManager
from domain.ports.payments import ProcessedEvents


@dataclass(frozen=True, slots=True, kw_only=True)
class _Processed:
    event_id: str
    event_type: str
    processed_at: datetime


class InMemoryProcessedEvents(ProcessedEvents):
    """Event ids as rows keyed by id.

    Like the primary key the SQL adapter inserts into, `record` of an id not yet recorded
    takes the id's row, waiting (up to 10 s) for another transaction that holds it to
    end, then decides on what that one left: recorded once it commits, free once it rolls
    back. An id already recorded is refused at once, and its row left alone.
    """

    def __init__(self, tx: InMemoryTransactionManager) -> None:
        self._tx = tx

    async def record(self, event_id: str, event_type: str, now: datetime) -> bool:
        if self._tx.get(PROCESSED_EVENTS, event_id) is not None:
            return False
        await self._tx.wait_for_row(PROCESSED_EVENTS, event_id)
        if self._tx.get(PROCESSED_EVENTS, event_id) is not None:
            return False
        self._tx.put(PROCESSED_EVENTS, event_id,
                     _Processed(event_id=event_id, event_type=event_type, processed_at=now))
        return True
