"""The statements of `SqlQuotaLedger`, built once.

Upserts differ by dialect only in their import, so each comes in a PostgreSQL and a SQLite
build, keyed by dialect name.
"""

from collections.abc import Callable
from typing import Any

from sqlalchemy import (
    BigInteger,
    Executable,
    Update,
    bindparam,
    case,
    cast,
    func,
    insert,
    select,
    update,
)
from sqlalchemy.dialects import postgresql, sqlite

from adapters.sql.tables import credit_accounts, ledger_entries, quota_days, token_reservations

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
