from dataclasses import dataclass

from application.audit_trail import AuditTrail
from application.auth.policy import SignInPolicy
from application.auth.token_pair import SessionTokens, TokenPair
from domain.digests import digest
from domain.errors import AccountBlocked, NotAuthenticated, RefreshTokenReused
from domain.ports.sessions import SessionRepository
from domain.ports.system import Clock
from domain.ports.transactions import TransactionManager
from domain.ports.users import UserRepository
from domain.sessions import Rotation, SessionFamily


@dataclass(frozen=True, slots=True, kw_only=True)
class RefreshRequest:
    refresh_token: str
    ip: str | None = None


class RefreshSession:
    """Trade the current refresh token for a new pair.

    - every use rotates the refresh token to its successor; the old one stops working
    - the token just rotated out, presented again within `policy.refresh_reuse_grace` of the
      rotation (two tabs refreshing at once, also concurrently), gets the same successor
      and a fresh access token, and changes nothing
    - presenting any other rotated-out token revokes the whole family (it was stolen or
      replayed): the revocation is committed, then RefreshTokenReused is raised
    - a revoked or expired family, or an unknown token, is NotAuthenticated
    - a blocked account is refused
    - the new access token carries the family's second-factor state (`mfa`)
    """

    def __init__(self, users: UserRepository, sessions: SessionRepository,
                 tokens: SessionTokens, audit: AuditTrail, tx: TransactionManager,
                 clock: Clock, policy: SignInPolicy) -> None:
        self._users, self._sessions, self._tokens = users, sessions, tokens
        self._audit, self._tx, self._clock, self._policy = audit, tx, clock, policy

    async def __call__(self, request: RefreshRequest) -> TokenPair:
        now = self._clock.now()
        presented = digest(request.refresh_token)
        family = await self._family_of(presented)
        successor, successor_digest = self._tokens.successor_of(request.refresh_token)
        rotated, outcome = family.rotate(presented_digest=presented,
                                         successor_digest=successor_digest, now=now,
                                         grace=self._policy.refresh_reuse_grace)
        if outcome is Rotation.REUSE_DETECTED:
            await self._sessions.save(rotated, previous_digest=family.current_digest)
            await self._audit.record("auth.refresh_token_reused", actor=family.user_id,
                                     target=str(family.id), ip=request.ip)
            await self._tx.commit()
            raise RefreshTokenReused
        user = await self._users.get(family.user_id)
        if user.blocked:
            raise AccountBlocked
        if outcome is Rotation.ROTATED:
            try:
                await self._sessions.save(rotated, previous_digest=family.current_digest)
                await self._tx.commit()
            except NotAuthenticated:
                # A concurrent refresh with this very token rotated the family first, to
                # the same successor: answer as it did. Anything else is refused.
                current = await self._family_of(presented)
                if not (current.is_active(now) and current.current_digest == successor_digest):
                    raise
        return self._tokens.pair(user, successor, now, mfa=family.mfa)

    async def _family_of(self, token_digest: str) -> SessionFamily:
        family = await self._sessions.find_by_token(token_digest)
        if family is None:
            raise NotAuthenticated("The refresh token is not valid.")
        return family
