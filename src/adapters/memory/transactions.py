from __future__ import annotations

import asyncio
from collections.abc import Hashable
from typing import Any

from adapters.memory.database import InMemoryDatabase, RowKey
from domain.errors import DomainError
from domain.ports.transactions import TransactionManager

_DELETED = object()
LOCK_WAIT_S, _POLL_S = 10.0, 0.001


class InMemoryTransactionManager(TransactionManager):
    """One unit of work over an `InMemoryDatabase`.

    Writes are staged here and merged key by key into the database on `commit`; reads see
    the committed rows overlaid with this transaction's own writes. A write made with a
    `guard` is optimistic: if another transaction commits that row after this one first
    wrote it, `commit` raises the guard error, applies nothing and drops the staged writes
    (as a database drops a transaction whose commit failed). `commits` counts successful
    commits.
    """

    def __init__(self, db: InMemoryDatabase) -> None:
        self._db = db
        self._staged: dict[str, dict[Hashable, Any]] = {}
        self._bases: dict[RowKey, Any] = {}
        self._guards: dict[RowKey, type[DomainError]] = {}
        self._locked: set[RowKey] = set()
        self.commits = 0

    def get(self, table: str, key: Hashable) -> Any | None:
        staged = self._staged.get(table, {})
        row = staged[key] if key in staged else self._db.tables[table].get(key)
        return None if row is _DELETED else row

    def rows(self, table: str) -> list[Any]:
        merged = {**self._db.tables[table], **self._staged.get(table, {})}
        return [row for row in merged.values() if row is not _DELETED]

    def put(self, table: str, key: Hashable, row: Any, *,
            guard: type[DomainError] | None = None) -> None:
        self._bases.setdefault((table, key), self._db.tables[table].get(key))
        if guard is not None:
            self._guards.setdefault((table, key), guard)
        self._staged.setdefault(table, {})[key] = row

    def remove(self, table: str, key: Hashable) -> None:
        self.put(table, key, _DELETED)

    def lock_row(self, table: str, key: Hashable) -> bool:
        """Take the row for this transaction; False when another live transaction holds it."""
        holder = self._db.row_locks.get((table, key))
        if holder is not None and holder is not self:
            return False
        self._db.row_locks[(table, key)] = self
        self._locked.add((table, key))
        return True

    async def wait_for_row(self, table: str, key: Hashable,
                           wait_s: float = LOCK_WAIT_S) -> None:
        """Take the row for this transaction, waiting while another live transaction holds
        it (as `SELECT ... FOR UPDATE` waits); TimeoutError after `wait_s` seconds."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + wait_s
        while not self.lock_row(table, key):
            if loop.time() > deadline:
                raise TimeoutError(f"{table} row {key!r} stayed locked by another transaction")
            await asyncio.sleep(_POLL_S)

    async def commit(self) -> None:
        async with self._db.lock:
            try:
                self._check_guards()
                for table, rows in self._staged.items():
                    committed = self._db.tables[table]
                    for key, row in rows.items():
                        if row is _DELETED:
                            committed.pop(key, None)
                        else:
                            committed[key] = row
            finally:
                self._discard()
        self.commits += 1

    async def rollback(self) -> None:
        self._discard()

    def _check_guards(self) -> None:
        for (table, key), error in self._guards.items():
            if self._db.tables[table].get(key) is not self._bases[(table, key)]:
                raise error

    def _discard(self) -> None:
        self._staged.clear()
        self._bases.clear()
        self._guards.clear()
        for row_key in self._locked:
            if self._db.row_locks.get(row_key) is self:
                del self._db.row_locks[row_key]
        self._locked.clear()
