from datetime import datetime
from typing import Any

from sqlalchemy import Row, bindparam, delete, func, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from adapters.sql.execution import execute
from adapters.sql.subscription_tables import billing_customers, subscriptions
from domain.errors import Conflict
from domain.ids import UserId
from domain.ports.subscriptions import BillingCustomers, SubscriptionRepository
from domain.subscriptions import Stamp, Subscription, SubscriptionState, SubscriptionStatus

_b, _s = billing_customers.c, subscriptions.c
_mine = (_b.provider == bindparam("by_provider"))
_REF_OF = select(_b.ref).where(_mine, _b.user_id == bindparam("by_user"))
_ADD = insert(billing_customers)
# FOR UPDATE on PostgreSQL; on SQLite, which ignores it, a no-op UPDATE takes the one
# write lock (see SqlPaymentRepository).
_LOCK_USER = {
    "postgresql": select(_b.user_id).where(_mine, _b.ref == bindparam("by_ref")).with_for_update(),
    "sqlite": update(billing_customers).where(_mine, _b.ref == bindparam("by_ref"))
    .values(ref=_b.ref).returning(_b.user_id)}
_FORGET = delete(billing_customers).where(_b.user_id == bindparam("by_user"))

_GET = select(subscriptions).where(_s.provider == bindparam("by_provider"),
                                   _s.ref == bindparam("by_ref"))
_CURRENT = (select(subscriptions).where(_s.user_id == bindparam("by_user"))
            .order_by((_s.status != SubscriptionStatus.CANCELED.value).desc(),
                      _s.updated_at.desc(), _s.ref.desc()).limit(1))
_ACTIVE = (select(_s.plan_id, func.count().label("n"))
           .where(_s.status == SubscriptionStatus.ACTIVE.value, _s.plan_id.is_not(None))
           .group_by(_s.plan_id))
_ANONYMISE = update(subscriptions).where(_s.user_id == bindparam("by_user")).values(user_id=None)
_CHANGING = ("user_id", "status", "plan_id", "period_start", "period_end",
             "cancel_at_period_end", "ended_at", "stamps", "updated_at")


def _upsert(dialect: Any) -> Any:
    statement = dialect.insert(subscriptions)
    return statement.on_conflict_do_update(
        index_elements=[_s.provider, _s.ref],
        set_={name: statement.excluded[name] for name in _CHANGING})


_PUT = {"postgresql": _upsert(postgresql), "sqlite": _upsert(sqlite)}


def _taken() -> Conflict:
    return Conflict("That account or customer already has a customer at the provider.")


class SqlBillingCustomers(BillingCustomers):
    """`billing_customers`: the primary key (provider, user) and a unique (provider, ref);
    rows go with their user (ON DELETE CASCADE) as well as by `forget`."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def ref_of(self, provider: str, user_id: UserId) -> str | None:
        result = await execute(self._session, _REF_OF,
                               {"by_provider": provider, "by_user": user_id})
        ref: str | None = result.scalar_one_or_none()
        return ref

    async def add(self, provider: str, user_id: UserId, ref: str, now: datetime) -> None:
        await execute(self._session, _ADD, {"provider": provider, "user_id": user_id,
                                            "ref": ref, "created_at": now},
                      conflicts={"billing_customers": _taken})

    async def lock_user_of(self, provider: str, ref: str) -> UserId | None:
        statement = _LOCK_USER[self._session.get_bind().dialect.name]
        result = await execute(self._session, statement, {"by_provider": provider, "by_ref": ref})
        user = result.scalar_one_or_none()
        return None if user is None else UserId(user)

    async def forget(self, user_id: UserId) -> None:
        await execute(self._session, _FORGET, {"by_user": user_id})


class SqlSubscriptionRepository(SubscriptionRepository):
    """`subscriptions`, keyed by (provider, ref); `put` is one INSERT ... ON CONFLICT DO
    UPDATE. Stamps are stored as JSON beside the fields they date."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def get(self, provider: str, ref: str) -> Subscription | None:
        row = (await execute(self._session, _GET, {"by_provider": provider, "by_ref": ref})
               ).one_or_none()
        return None if row is None else _subscription(row)

    async def put(self, subscription: Subscription) -> None:
        statement = _PUT[self._session.get_bind().dialect.name]
        await execute(self._session, statement, _row(subscription))

    async def current(self, user_id: UserId) -> Subscription | None:
        row = (await execute(self._session, _CURRENT, {"by_user": user_id})).one_or_none()
        return None if row is None else _subscription(row)

    async def active_by_plan(self) -> dict[str, int]:
        return {row.plan_id: row.n for row in await execute(self._session, _ACTIVE)}

    async def anonymise(self, user_id: UserId) -> None:
        await execute(self._session, _ANONYMISE, {"by_user": user_id})


def _row(subscription: Subscription) -> dict[str, Any]:
    state = subscription.state
    return {"provider": subscription.provider, "ref": subscription.ref,
            "user_id": subscription.user_id, "status": state.status.value,
            "plan_id": state.plan_id, "period_start": state.period_start,
            "period_end": state.period_end, "cancel_at_period_end": state.cancel_at_period_end,
            "ended_at": state.ended_at,
            "stamps": {name: {"at": stamp.at.isoformat(), "rank": stamp.rank,
                              "event_id": stamp.event_id}
                       for name, stamp in state.stamps.items()},
            "created_at": subscription.created_at, "updated_at": subscription.updated_at}


def _subscription(row: Row[Any]) -> Subscription:
    stamps = {name: Stamp(datetime.fromisoformat(value["at"]), value["rank"], value["event_id"])
              for name, value in row.stamps.items()}
    state = SubscriptionState(
        status=SubscriptionStatus(row.status), plan_id=row.plan_id,
        period_start=row.period_start, period_end=row.period_end,
        cancel_at_period_end=row.cancel_at_period_end, ended_at=row.ended_at, stamps=stamps)
    return Subscription(user_id=None if row.user_id is None else UserId(row.user_id),
                        provider=row.provider, ref=row.ref, state=state,
                        created_at=row.created_at, updated_at=row.updated_at)

