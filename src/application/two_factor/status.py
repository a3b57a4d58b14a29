from dataclasses import dataclass

from domain.ids import UserId
from domain.ports.two_factor import SecondFactorRepository


@dataclass(frozen=True, slots=True, kw_only=True)
class SecondFactorStatus:
    enabled: bool
    recovery_codes_left: int


class GetSecondFactorStatus:
    """Whether the user's second factor is on, and how many recovery codes are unused
    (an enrolment not yet confirmed counts as off)."""

    def __init__(self, factors: SecondFactorRepository) -> None:
        self._factors = factors

    async def __call__(self, user_id: UserId) -> SecondFactorStatus:
        factor = await self._factors.get(user_id)
        if factor is None or not factor.enabled:
            return SecondFactorStatus(enabled=False, recovery_codes_left=0)
        return SecondFactorStatus(enabled=True, recovery_codes_left=len(factor.recovery_digests))
