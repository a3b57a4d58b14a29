from typing import Any

from sqlalchemy import Row, bindparam, delete, insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from adapters.sql.execution import execute
from adapters.sql.two_factor_tables import second_factors
from domain.errors import Conflict
from domain.ids import UserId
from domain.ports.two_factor import SecondFactorRepository
from domain.two_factor import SecondFactor

_c = second_factors.c
_GET = select(second_factors).where(_c.user_id == bindparam("user"))
_INSERT = insert(second_factors)
_SAVE_IF_CURRENT = update(second_factors).where(
    _c.user_id == bindparam("user"), _c.version == bindparam("previous_version"))
_DELETE = delete(second_factors).where(_c.user_id == bindparam("user"))


def _taken() -> Conflict:
    return Conflict("Two-factor enrolment changed meanwhile; try again.")


class SqlSecondFactorRepository(SecondFactorRepository):
    """Factors in `second_factors`, one row per user. `save` is a conditional UPDATE on the
    version read, so of two racing uses of one code only one changes anything."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def get(self, user_id: UserId) -> SecondFactor | None:
        row = (await execute(self._session, _GET, {"user": user_id})).one_or_none()
        return None if row is None else _factor(row)

    async def add(self, factor: SecondFactor) -> None:
        await execute(self._session, _INSERT, {**_changing(factor), "user_id": factor.user_id,
                                               "created_at": factor.created_at},
                      conflicts={"second_factors": _taken})

    async def save(self, factor: SecondFactor) -> None:
        parameters = {**_changing(factor), "user": factor.user_id,
                      "previous_version": factor.version - 1}
        if (await execute(self._session, _SAVE_IF_CURRENT, parameters)).rowcount == 0:
            raise _taken()

    async def delete(self, user_id: UserId) -> None:
        await execute(self._session, _DELETE, {"user": user_id})


def _changing(factor: SecondFactor) -> dict[str, Any]:
    return {"secret_ciphertext": factor.secret_ciphertext, "confirmed_at": factor.confirmed_at,
            "last_step": factor.last_step, "recovery_digests": list(factor.recovery_digests),
            "version": factor.version}


def _factor(row: Row[Any]) -> SecondFactor:
    return SecondFactor(user_id=UserId(row.user_id), secret_ciphertext=row.secret_ciphertext,
                        created_at=row.created_at, confirmed_at=row.confirmed_at,
                        last_step=row.last_step, recovery_digests=tuple(row.recovery_digests),
                        version=row.version)
