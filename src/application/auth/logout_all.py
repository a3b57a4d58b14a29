from dataclasses import dataclass

from application.audit_trail import AuditTrail
from domain.ids import UserId
from domain.ports.sessions import SessionRepository
from domain.ports.system import Clock
from domain.ports.transactions import TransactionManager
from domain.ports.users import UserRepository


@dataclass(frozen=True, slots=True, kw_only=True)
class LogoutAllRequest:
    user_id: UserId
    ip: str | None = None


class LogoutAll:
    """End every session of a user, everywhere.

    - every session family of the user is revoked
    - the user's token version grows, so access tokens already handed out stop working
    """

    def __init__(self, users: UserRepository, sessions: SessionRepository, audit: AuditTrail,
                 tx: TransactionManager, clock: Clock) -> None:
        self._users, self._sessions, self._audit = users, sessions, audit
        self._tx, self._clock = tx, clock

    async def __call__(self, request: LogoutAllRequest) -> None:
        user = await self._users.get(request.user_id)
        await self._sessions.revoke_all(user.id, self._clock.now())
        await self._users.save(user.revoke_access_tokens())
        await self._audit.record("auth.logged_out_everywhere", actor=user.id,
                                 target=str(user.id), ip=request.ip)
        await self._tx.commit()
