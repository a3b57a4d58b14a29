from dataclasses import dataclass

from application.audit_trail import AuditTrail
from application.two_factor.codes import SecondFactorCodes
from domain.ids import UserId
from domain.ports.transactions import TransactionManager
from domain.ports.two_factor import SecondFactorRepository
from domain.two_factor import SecondFactorNotEnabled


@dataclass(frozen=True, slots=True, kw_only=True)
class DisableRequest:
    user_id: UserId
    code: str
    ip: str | None = None


class DisableSecondFactor:
    """Switch the second factor off, proven by a valid code (TOTP or recovery code).

    - without a factor switched on: SecondFactorNotEnabled
    - the code is checked as `SecondFactorCodes` does (wrong codes count)
    - the secret and the recovery codes are deleted; sessions that already passed the
      factor stay as they are (logout-all ends them)
    - audited as `auth.2fa_disabled`
    """

    def __init__(self, factors: SecondFactorRepository, codes: SecondFactorCodes,
                 audit: AuditTrail, tx: TransactionManager) -> None:
        self._factors, self._codes, self._audit, self._tx = factors, codes, audit, tx

    async def __call__(self, request: DisableRequest) -> None:
        factor = await self._factors.get(request.user_id)
        if factor is None or not factor.enabled:
            raise SecondFactorNotEnabled
        await self._factors.save(await self._codes.accept(factor, request.code))
        await self._factors.delete(request.user_id)
        await self._audit.record("auth.2fa_disabled", actor=request.user_id,
                                 target=str(request.user_id), ip=request.ip)
        await self._tx.commit()
