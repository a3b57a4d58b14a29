from dataclasses import dataclass

from application.audit_trail import AuditTrail
from application.auth.token_pair import SessionTokens, TokenPair
from domain.digests import digest
from domain.errors import AccountBlocked, NotAuthenticated, RefreshTokenReused
from domain.ports.sessions import SessionRepository
from domain.ports.system import Clock
from domain.ports.transactions import TransactionManager
from domain.ports.users import UserRepository
from domain.sessions import Rotation


@dataclass(frozen=True, slots=True, kw_only=True)
class RefreshRequest:
    refresh_token: str
    ip: str | None = None


class RefreshSession:
    """Trade the current refresh token for a new pair.

    - every use rotates the refresh token; the old one stops working
    - presenting a rotated-out token revokes the whole family (it was stolen or replayed):
      the revocation is committed, then RefreshTokenReused is raised
    - a revoked or expired family, or an unknown token, is NotAuthenticated
    - a blocked account is refused
    """

    def __init__(self, users: UserRepository, sessions: SessionRepository,
                 tokens: SessionTokens, audit: AuditTrail, tx: TransactionManager,
                 clock: Clock) -> None:
        self._users, self._sessions, self._tokens = users, sessions, tokens
        self._audit, self._tx, self._clock = audit, tx, clock

    async def __call__(self, request: RefreshRequest) -> TokenPair:
        now = self._clock.now()
        family = await self._sessions.find_by_token(digest(request.refresh_token))
        if family is None:
            raise NotAuthenticated("The refresh token is not valid.")
        new_token, new_digest = self._tokens.new_refresh_token()
        rotated, outcome = family.rotate(presented_digest=digest(request.refresh_token),
                                         new_digest=new_digest, now=now)
        if outcome is Rotation.REUSE_DETECTED:
            await self._sessions.save(rotated, previous_digest=family.current_digest)
            await self._audit.record("auth.refresh_token_reused", actor=family.user_id,
                                     target=str(family.id), ip=request.ip)
            await self._tx.commit()
            raise RefreshTokenReused
        user = await self._users.get(family.user_id)
        if user.blocked:
            raise AccountBlocked
        await self._sessions.save(rotated, previous_digest=family.current_digest)
        await self._tx.commit()
        return self._tokens.pair(user, new_token, now)
