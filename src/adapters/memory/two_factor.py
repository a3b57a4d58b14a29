from adapters.memory.transactions import InMemoryTransactionManager
from domain.errors import Conflict
from domain.ids import UserId
from domain.ports.two_factor import SecondFactorRepository
from domain.two_factor import SecondFactor

SECOND_FACTORS = "second_factors"


class InMemorySecondFactorRepository(SecondFactorRepository):
    def __init__(self, tx: InMemoryTransactionManager) -> None:
        self._tx = tx

    async def get(self, user_id: UserId) -> SecondFactor | None:
        factor: SecondFactor | None = self._tx.get(SECOND_FACTORS, user_id)
        return factor

    async def add(self, factor: SecondFactor) -> None:
        if self._tx.get(SECOND_FACTORS, factor.user_id) is not None:
            raise Conflict("Two-factor enrolment changed meanwhile; try again.")
        self._tx.put(SECOND_FACTORS, factor.user_id, factor, guard=Conflict)

    async def save(self, factor: SecondFactor) -> None:
        stored = await self.get(factor.user_id)
        if stored is None or stored.version != factor.version - 1:
            raise Conflict("Two-factor enrolment changed meanwhile; try again.")
        self._tx.put(SECOND_FACTORS, factor.user_id, factor, guard=Conflict)

    async def delete(self, user_id: UserId) -> None:
        if self._tx.get(SECOND_FACTORS, user_id) is not None:
            self._tx.remove(SECOND_FACTORS, user_id)
