from dataclasses import dataclass

from application.audit_trail import AuditTrail
from application.auth.policy import SignInPolicy
from application.auth.token_pair import SessionTokens, TokenPair
from application.two_factor.codes import SecondFactorCodes
from domain.errors import AccountBlocked
from domain.ids import UserId
from domain.ports.sessions import SessionRepository
from domain.ports.system import Clock
from domain.ports.transactions import TransactionManager
from domain.ports.two_factor import SecondFactorRepository
from domain.ports.users import UserRepository
from domain.two_factor import SecondFactorNotEnabled


@dataclass(frozen=True, slots=True, kw_only=True)
class VerifyRequest:
    user_id: UserId
    code: str
    ip: str | None = None


class VerifySecondFactor:
    """Pass the second factor: a TOTP code or a recovery code for a new session.

    - the factor must be switched on (SecondFactorNotEnabled otherwise)
    - the code is checked as `SecondFactorCodes` does: a TOTP step once, a recovery code
      once, wrong codes counted and limited per user
    - a new session family starts, marked as having passed the second factor (`mfa`): its
      access tokens, and those of every refresh of it, carry the `mfa` claim
    - a blocked account is refused
    - audited as `auth.2fa_verified` (with `recovery_code` when one was used)
    """

    def __init__(self, factors: SecondFactorRepository, codes: SecondFactorCodes,
                 users: UserRepository, sessions: SessionRepository, tokens: SessionTokens,
                 audit: AuditTrail, tx: TransactionManager, clock: Clock,
                 policy: SignInPolicy) -> None:
        self._factors, self._codes, self._users = factors, codes, users
        self._sessions, self._tokens, self._audit = sessions, tokens, audit
        self._tx, self._clock, self._policy = tx, clock, policy

    async def __call__(self, request: VerifyRequest) -> TokenPair:
        factor = await self._factors.get(request.user_id)
        if factor is None or not factor.enabled:
            raise SecondFactorNotEnabled
        user = await self._users.get(request.user_id)
        if user.blocked:
            raise AccountBlocked
        used = await self._codes.accept(factor, request.code)
        await self._factors.save(used)
        now = self._clock.now()
        refresh_token, refresh_digest = self._tokens.new_refresh_token()
        await self._sessions.add(self._tokens.new_family(
            user, refresh_digest, now, self._policy.session_lifetime, mfa=True))
        recovery = len(used.recovery_digests) < len(factor.recovery_digests)
        await self._audit.record("auth.2fa_verified", actor=user.id, target=str(user.id),
                                 ip=request.ip, **({"recovery_code": True} if recovery else {}))
        await self._tx.commit()
        return self._tokens.pair(user, refresh_token, now, mfa=True)
