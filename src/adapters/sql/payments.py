from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    ColumnElement,
    Executable,
    Row,
    bindparam,
    cast,
    func,
    insert,
    select,
    update,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from adapters.sql.execution import execute
from adapters.sql.paging import PagedQuery
from adapters.sql.payment_tables import invoice_intents, payments
from domain.errors import Conflict, NotFound
from domain.ids import PaymentId, UserId
from domain.pages import Page, PageRequest
from domain.payments import Money, Payment, PaymentStatus
from domain.ports.payments import PaymentRepository

_p = payments.c


def _intent_taken() -> Conflict:
    return Conflict("Another payment already has that payment intent.")


def _invoice_taken() -> Conflict:
    return Conflict("Another payment already has that invoice.")


def _payment(row: Row[Any]) -> Payment:
    owner = None if row.user_id is None else UserId(row.user_id)
    return Payment(id=PaymentId(row.id), user_id=owner, pack_id=row.pack_id,
                   price=Money(row.amount, row.currency), credits=row.credits,
                   status=PaymentStatus(row.status), created_at=row.created_at,
                   updated_at=row.updated_at, checkout_session_id=row.checkout_session_id,
                   payment_intent_id=row.payment_intent_id, invoice_ref=row.invoice_ref,
                   period_end=row.period_end, expired_credits=row.expired_credits)


def _values(payment: Payment) -> dict[str, Any]:
    return {"user_id": payment.user_id, "pack_id": payment.pack_id,
            "amount": payment.price.amount, "currency": payment.price.currency,
            "credits": payment.credits, "status": payment.status.value,
            "created_at": payment.created_at, "updated_at": payment.updated_at,
            "checkout_session_id": payment.checkout_session_id,
            "payment_intent_id": payment.payment_intent_id,
            "invoice_ref": payment.invoice_ref, "period_end": payment.period_end,
            "expired_credits": payment.expired_credits}


def _locking(where: ColumnElement[bool]) -> dict[str, Executable]:
    """Reads the payment matching `where`, locked until the transaction ends: FOR UPDATE on
    PostgreSQL; on SQLite, which ignores FOR UPDATE, a no-op UPDATE takes the database's one
    write lock."""
    return {"postgresql": select(payments).where(where).with_for_update(),
            "sqlite": update(payments).where(where).values(status=_p.status)
            .returning(*payments.c)}


_CONFLICTS = {"uq_payments_payment_intent_id": _intent_taken,
              "payments.payment_intent_id": _intent_taken,
              "uq_payments_invoice_ref": _invoice_taken,
              "payments.invoice_ref": _invoice_taken}
_INSERT = insert(payments)
_GET = select(payments).where(_p.id == bindparam("payment_id"), _p.user_id == bindparam("owner"))
_LOCK = _locking(_p.id == bindparam("payment_id"))
_LOCK_BY_INTENT = _locking(_p.payment_intent_id == bindparam("intent"))
_BY_INVOICE = select(payments).where(_p.invoice_ref == bindparam("invoice"))
_EXPIRING = (select(payments)
             .where(_p.status == PaymentStatus.SUCCEEDED.value, _p.invoice_ref.is_not(None),
                    _p.period_end <= bindparam("now"), _p.expired_credits.is_(None))
             .order_by(_p.period_end, _p.id).limit(bindparam("limit")))
_i = invoice_intents.c
_LOCK_BY_LINKED_INTENT = _locking(_p.invoice_ref == select(_i.invoice_ref).where(
    _i.payment_intent_id == bindparam("intent")).scalar_subquery())
_LINK = {name: upsert(invoice_intents).on_conflict_do_nothing(
    index_elements=[_i.payment_intent_id])
    for name, upsert in (("postgresql", postgresql.insert), ("sqlite", sqlite.insert))}
_UPDATE = update(payments).where(_p.id == bindparam("payment_id"))
_ANONYMISE = update(payments).where(_p.user_id == bindparam("owner")).values(user_id=None)
_NEWEST_FIRST = PagedQuery(
    select(payments).where(_p.user_id == bindparam("owner"))
    .order_by(_p.created_at.desc(), _p.id.desc()),
    _payment)
_OLDEST_FIRST = (select(payments).where(_p.user_id == bindparam("owner"))
                 .order_by(_p.created_at, _p.id))
# PostgreSQL's SUM of a bigint is a numeric (a Decimal in Python): cast it back to an integer.
_REVENUE = (select(_p.currency, cast(func.sum(_p.amount), BigInteger).label("collected"))
            .where(_p.status == PaymentStatus.SUCCEEDED.value).group_by(_p.currency))


class SqlPaymentRepository(PaymentRepository):
    """Payments in one table; the payment intent is unique (a second one is a Conflict).

    `lock` and `lock_by_intent` read with SELECT ... FOR UPDATE on PostgreSQL, so a second
    lock of the row waits for the first transaction to end. SQLite ignores FOR UPDATE and
    would let the second read a row the first is about to change: there they lock with a
    no-op UPDATE ... RETURNING, whose write lock (the database's one) serialises the rest
    of the transaction, as the caller's first write would anyway.
    """

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def add(self, payment: Payment) -> None:
        await execute(self._session, _INSERT, {**_values(payment), "id": payment.id},
                      conflicts=_CONFLICTS)

    async def get(self, owner: UserId, id: PaymentId) -> Payment:
        result = await execute(self._session, _GET, {"payment_id": id, "owner": owner})
        row = result.one_or_none()
        if row is None:
            raise NotFound("No such payment.")
        return _payment(row)

    async def lock(self, id: PaymentId) -> Payment | None:
        return await self._locked(_LOCK, {"payment_id": id})

    async def lock_by_intent(self, payment_intent_id: str) -> Payment | None:
        parameters = {"intent": payment_intent_id}
        return (await self._locked(_LOCK_BY_INTENT, parameters)
                or await self._locked(_LOCK_BY_LINKED_INTENT, parameters))

    async def link_intent(self, invoice_ref: str, payment_intent_id: str,
                          now: datetime) -> None:
        statement = _LINK[self._session.get_bind().dialect.name]
        await execute(self._session, statement, {
            "payment_intent_id": payment_intent_id, "invoice_ref": invoice_ref,
            "linked_at": now})

    async def save(self, payment: Payment) -> None:
        values = {**_values(payment), "payment_id": payment.id}
        result = await execute(self._session, _UPDATE, values, conflicts=_CONFLICTS)
        if result.rowcount == 0:
            raise NotFound("No such payment.")

    async def by_invoice(self, invoice_ref: str) -> Payment | None:
        row = (await execute(self._session, _BY_INVOICE, {"invoice": invoice_ref})).one_or_none()
        return None if row is None else _payment(row)

    async def expiring(self, now: datetime, limit: int) -> Sequence[Payment]:
        rows = await execute(self._session, _EXPIRING, {"now": now, "limit": limit})
        return [_payment(row) for row in rows]

    async def list(self, owner: UserId, page: PageRequest) -> Page[Payment]:
        return await _NEWEST_FIRST.fetch(self._session, page, {"owner": owner})

    async def all_of(self, owner: UserId) -> Sequence[Payment]:
        return [_payment(row)
                for row in await execute(self._session, _OLDEST_FIRST, {"owner": owner})]

    async def revenue(self) -> dict[str, int]:
        rows = (await execute(self._session, _REVENUE)).all()
        return {row.currency: row.collected for row in rows}

    async def anonymise(self, owner: UserId) -> None:
        await execute(self._session, _ANONYMISE, {"owner": owner})

    async def _locked(self, statements: dict[str, Executable],
                      parameters: dict[str, Any]) -> Payment | None:
        statement = statements[self._session.get_bind().dialect.name]
        row = (await execute(self._session, statement, parameters)).one_or_none()
        return None if row is None else _payment(row)
