from dataclasses import dataclass

from application.audit_trail import AuditTrail
from application.two_factor.codes import SecondFactorCodes
from domain.digests import digest
from domain.ids import UserId
from domain.ports.system import Clock
from domain.ports.transactions import TransactionManager
from domain.ports.two_factor import OneTimePasswords, SecondFactorRepository
from domain.two_factor import (
    RECOVERY_CODES,
    SecondFactorAlreadyEnabled,
    SecondFactorNotEnabled,
    normalise_recovery_code,
)


@dataclass(frozen=True, slots=True, kw_only=True)
class ConfirmRequest:
    user_id: UserId
    code: str
    ip: str | None = None


class ConfirmSecondFactor:
    """Switch the enrolled factor on with a first valid TOTP code.

    - without an enrolment: SecondFactorNotEnabled; already on: SecondFactorAlreadyEnabled
    - the code is checked as `SecondFactorCodes` does (TOTP only; wrong codes count)
    - ten recovery codes are made, returned this once and stored only as digests
    - audited as `auth.2fa_enabled`
    """

    def __init__(self, factors: SecondFactorRepository, codes: SecondFactorCodes,
                 passwords: OneTimePasswords, audit: AuditTrail, tx: TransactionManager,
                 clock: Clock) -> None:
        self._factors, self._codes, self._passwords = factors, codes, passwords
        self._audit, self._tx, self._clock = audit, tx, clock

    async def __call__(self, request: ConfirmRequest) -> list[str]:
        factor = await self._factors.get(request.user_id)
        if factor is None:
            raise SecondFactorNotEnabled
        if factor.enabled:
            raise SecondFactorAlreadyEnabled
        used = await self._codes.accept(factor, request.code, recovery=False)
        recovery_codes = self._passwords.new_recovery_codes(RECOVERY_CODES)
        digests = tuple(digest(normalise_recovery_code(code)) for code in recovery_codes)
        await self._factors.save(used.confirmed(recovery_digests=digests, now=self._clock.now()))
        await self._audit.record("auth.2fa_enabled", actor=request.user_id,
                                 target=str(request.user_id), ip=request.ip)
        await self._tx.commit()
        return recovery_codes
