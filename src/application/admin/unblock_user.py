from application.admin.access import require_admin
from application.audit_trail import AuditTrail
from domain.ids import UserId
from domain.ports.transactions import TransactionManager
from domain.ports.users import UserRepository
from domain.users import User


class UnblockUser:
    """An admin lifts a block: the account's owner can sign in again.

    - only admins may; others get PermissionDenied; an unknown user is NotFound
    - sessions and tokens ended by the block stay ended: the owner signs in anew
    - the change is an audit entry ("admin.user_unblocked") with the admin and their address
    - unblocking an account that is not blocked changes nothing and records nothing
    """

    def __init__(self, users: UserRepository, audit: AuditTrail,
                 tx: TransactionManager) -> None:
        self._users, self._audit, self._tx = users, audit, tx

    async def __call__(self, actor: User, user_id: UserId, ip: str | None = None) -> User:
        require_admin(actor, "unblock accounts")
        user = await self._users.get(user_id)
        if not user.blocked:
            return user
        unblocked = user.unblock()
        await self._users.save(unblocked)
        await self._audit.record("admin.user_unblocked", actor=actor.id,
                                 target=f"user:{user.id}", ip=ip)
        await self._tx.commit()
        return unblocked
