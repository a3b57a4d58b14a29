"""The statements of `SqlQuotaLedger`, built once.

Upserts differ by dialect only in their import, so each comes in a PostgreSQL and a SQLite
build, keyed by dialect name. `PG_RESERVE` and `PG_SETTLE` are PostgreSQL's alone (see the
comment above them).
"""

from collections.abc import Callable
from typing import Any

from sqlalchemy import (
    BigInteger,
    Date,
    Executable,
    Update,
    Uuid,
    bindparam,
    case,
    cast,
    exists,
    func,
    insert,
    literal,
    select,
    update,
)
from sqlalchemy.dialects import postgresql, sqlite

from adapters.sql.columns import UtcDateTime
from adapters.sql.tables import credit_accounts, ledger_entries, quota_days, token_reservations
from domain.quota import LedgerReason

HELD, SETTLED, RELEASED, EXPIRED = "held", "settled", "released", "expired"

_a, _d, _e, _r = credit_accounts.c, quota_days.c, ledger_entries.c, token_reservations.c
_TOKENS, _CHARGED = bindparam("tokens", type_=BigInteger), bindparam("charged", type_=BigInteger)
_UPSERTS: dict[str, Callable[..., Any]] = {"postgresql": postgresql.insert,
                                           "sqlite": sqlite.insert}


def _lock_day(upsert: Callable[..., Any]) -> Executable:
    """Creates the day's row when missing; the no-op update locks it (until the transaction
    ends) and returns it as committed by whoever held the lock before."""
    statement = upsert(quota_days).values(day=bindparam("quota_day"), used=0, reserved=0)
    return statement.on_conflict_do_update(  # type: ignore[no-any-return]
        index_elements=[_d.day], set_={"used": _d.used}).returning(_d.used, _d.reserved)


def _credit(upsert: Callable[..., Any]) -> Executable:
    statement = upsert(credit_accounts).values(
        user_id=bindparam("owner"), credits=bindparam("amount", type_=BigInteger), reserved=0)
    return statement.on_conflict_do_update(  # type: ignore[no-any-return]
        index_elements=[_a.user_id], set_={"credits": _a.credits + statement.excluded.credits})


LOCK_DAY = {name: _lock_day(upsert) for name, upsert in _UPSERTS.items()}
CREDIT = {name: _credit(upsert) for name, upsert in _UPSERTS.items()}

LOCK_ACCOUNT = (select(_a.credits, _a.reserved).where(_a.user_id == bindparam("owner"))
                .with_for_update())
ACCOUNT = select(_a.credits, _a.reserved).where(_a.user_id == bindparam("owner"))
# PostgreSQL's SUM of a bigint is a numeric (a Decimal in Python): cast it back to an integer.
USER_DAY = select(
    cast(func.coalesce(func.sum(case((_r.state == HELD, 0), else_=_r.charged)), 0),
         BigInteger).label("used"),
    cast(func.coalesce(func.sum(case((_r.state == HELD, _r.tokens), else_=0)), 0),
         BigInteger).label("reserved"),
).where(_r.user_id == bindparam("owner"), _r.day == bindparam("quota_day"))
DAY = select(_d.used + _d.reserved).where(_d.day == bindparam("quota_day"))
DAY_COUNTS = select(_d.used, _d.reserved).where(_d.day == bindparam("quota_day"))

INSERT_RESERVATION = insert(token_reservations)
HOLD_ON_DAY = (update(quota_days).where(_d.day == bindparam("quota_day"))
               .values(reserved=_d.reserved + _TOKENS))
HOLD_ON_ACCOUNT = (update(credit_accounts).where(_a.user_id == bindparam("owner"))
                   .values(reserved=_a.reserved + _TOKENS))


def _end(state: str, **values: Any) -> Update:
    """Moves held reservations to `state`, returning what each held."""
    return (update(token_reservations).where(_r.state == HELD).values(state=state, **values)
            .returning(_r.id, _r.user_id, _r.tokens, _r.day, _r.charged))


_total = bindparam("total", type_=BigInteger)
SETTLE = _end(SETTLED, charged=case((_r.tokens < _total, _r.tokens), else_=_total)).where(
    _r.id == bindparam("reservation_id"))
RELEASE = _end(RELEASED).where(_r.id == bindparam("reservation_id"))
EXPIRE = _end(EXPIRED).where(_r.expires_at <= bindparam("now"))

# Each hold leaves the counters of its day and user; what it charged stays as used.
UNHOLD_ON_DAY = (update(quota_days).where(_d.day == bindparam("quota_day"))
                 .values(reserved=_d.reserved - _TOKENS, used=_d.used + _CHARGED))
UNHOLD_ON_ACCOUNT = (update(credit_accounts).where(_a.user_id == bindparam("owner"))
                     .values(reserved=_a.reserved - _TOKENS, credits=_a.credits - _CHARGED))

INSERT_ENTRY = insert(ledger_entries)
ENTRIES = (select(ledger_entries).where(_e.user_id == bindparam("owner"))
           .order_by(_e.at, _e.id))


# PostgreSQL builds of `reserve` and `settle`. The service's day row is the one row that every
# model call of every user updates, and a row lock lasts until commit: these take it in the
# last statement of their step, so it is held only for what the caller does after the step
# (in the worker: one write, or none, and the commit) rather than across the step's own
# round trips and the event loop's scheduling between them. Every step takes its locks in
# one order: reservations, then the user's account, then the day.

# reserve on PostgreSQL first locks the user's account (LOCK_ACCOUNT), then runs PG_RESERVE.
# Not one statement: the user's daily usage is a sum over their reservations, which only a
# holder of the account's lock changes, and a statement that waits for a row lock sees that
# row fresh but every other table as it was when the statement began. PG_RESERVE's snapshot
# is taken with the account's lock held, so its sum is current.


def _pg_reserve() -> Executable:
    """Step 2 of reserve, one statement: the user's usage of the day; when `tokens` more
    fit the user's daily limit, the day's row is created or its hold raised, if that fits
    the service's limit (the upsert locks the row either way); when both fit, the
    reservation is inserted and held on the account. Returns the user's usage and `held`."""
    tokens, day = _TOKENS, bindparam("quota_day", type_=Date)
    service_limit = bindparam("service_limit", type_=BigInteger)
    mine = USER_DAY.cte("mine")
    fits_user = (select(day.label("day"), literal(0, BigInteger).label("used"),
                        tokens.label("reserved"))
                 .where(mine.c.used + mine.c.reserved + tokens
                        <= bindparam("daily_limit", type_=BigInteger),
                        tokens <= service_limit))
    upsert = postgresql.insert(quota_days).from_select(["day", "used", "reserved"], fits_user)
    held_day = upsert.on_conflict_do_update(
        index_elements=[_d.day], set_={"reserved": _d.reserved + upsert.excluded.reserved},
        where=_d.used + _d.reserved + upsert.excluded.reserved <= service_limit,
    ).returning(_d.day).cte("held_day")
    hold = insert(token_reservations).from_select(
        ["id", "user_id", "tokens", "day", "created_at", "expires_at", "state", "charged"],
        select(bindparam("id", type_=Uuid), bindparam("owner", type_=Uuid), tokens,
               held_day.c.day, bindparam("created_at", type_=UtcDateTime),
               bindparam("expires_at", type_=UtcDateTime), literal(HELD), literal(0))
    ).cte("hold")
    on_account = (update(credit_accounts)
                  .where(_a.user_id == bindparam("owner", type_=Uuid),
                         exists(select(held_day.c.day)))
                  .values(reserved=_a.reserved + tokens).cte("on_account"))
    held = select(func.count()).select_from(held_day).scalar_subquery()
    return (select(mine.c.used, mine.c.reserved, (held > 0).label("held"))
            .add_cte(hold, on_account))


def _pg_settle() -> Executable:
    """settle, one statement: ends the hold, appends the USAGE entry (its details gain
    `charged`), then takes the hold off the account and, last, off the day (the always-true
    count makes the day's update read the account's first, so the locks come in order).
    Returns the charge; no row when the reservation was not held."""
    ended = SETTLE.cte("ended")
    details = bindparam("details", type_=postgresql.JSONB).op("||")(
        func.jsonb_build_object("charged", ended.c.charged))
    entry = insert(ledger_entries).from_select(
        ["id", "user_id", "delta", "reason", "at", "reservation_id", "details"],
        select(bindparam("entry_id", type_=Uuid), ended.c.user_id, -ended.c.charged,
               literal(LedgerReason.USAGE.value), bindparam("at", type_=UtcDateTime),
               ended.c.id, details),
    ).cte("entry")
    account = (update(credit_accounts).where(_a.user_id == ended.c.user_id)
               .values(reserved=_a.reserved - ended.c.tokens,
                       credits=_a.credits - ended.c.charged)
               .returning(_a.user_id).cte("account"))
    after_account = select(func.count()).select_from(account).scalar_subquery() >= 0
    on_day = (update(quota_days)
              .where(_d.day == ended.c.day, after_account)
              .values(reserved=_d.reserved - ended.c.tokens, used=_d.used + ended.c.charged)
              .cte("on_day"))
    return select(ended.c.charged).add_cte(entry, on_day)


PG_RESERVE = _pg_reserve()
PG_SETTLE = _pg_settle()
