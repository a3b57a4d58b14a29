from application.admin.access import require_admin
from application.audit_trail import AuditTrail
from domain.errors import InvalidInput
from domain.ids import UserId
from domain.ports.sessions import SessionRepository
from domain.ports.system import Clock
from domain.ports.transactions import TransactionManager
from domain.ports.users import UserRepository
from domain.users import User


class BlockUser:
    """An admin blocks an account: its owner can no longer sign in or use any token.

    - only admins may; others get PermissionDenied; an unknown user is NotFound
    - an admin cannot block their own account (InvalidInput); another admin's they can
    - the user's token version grows, so access tokens already handed out stop working,
      and every session family of theirs is revoked, so their refresh tokens stop too
    - the block is an audit entry ("admin.user_blocked") with the admin and their address
    - blocking a blocked account changes nothing and records nothing: its tokens and
      sessions already ended when it was blocked, and none can be made since
    """

    def __init__(self, users: UserRepository, sessions: SessionRepository, audit: AuditTrail,
                 tx: TransactionManager, clock: Clock) -> None:
        self._users, self._sessions, self._audit = users, sessions, audit
        self._tx, self._clock = tx, clock

    async def __call__(self, actor: User, user_id: UserId, ip: str | None = None) -> User:
        require_admin(actor, "block accounts")
        if user_id == actor.id:
            raise InvalidInput("An admin cannot block their own account.")
        user = await self._users.get(user_id)
        if user.blocked:
            return user
        blocked = user.block()
        revoked = await self._sessions.revoke_all(user.id, self._clock.now())
        await self._users.save(blocked)
        await self._audit.record("admin.user_blocked", actor=actor.id, target=f"user:{user.id}",
                                 ip=ip, sessions_revoked=revoked)
        await self._tx.commit()
        return blocked
