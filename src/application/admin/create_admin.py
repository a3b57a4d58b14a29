from application.audit_trail import AuditTrail
from domain.ids import UserId
from domain.ports.system import Clock, IdGenerator
from domain.ports.transactions import TransactionManager
from domain.ports.users import UserRepository
from domain.users import Email, User


class CreateAdmin:
    """Make an address an administrator, creating its account when it has none yet.

    - running it twice for the same address changes nothing the second time
    """

    def __init__(self, users: UserRepository, audit: AuditTrail, tx: TransactionManager,
                 clock: Clock, ids: IdGenerator) -> None:
        self._users, self._audit, self._tx, self._clock, self._ids = users, audit, tx, clock, ids

    async def __call__(self, email: str) -> User:
        address = Email(email)
        user = await self._users.find_by_email(address)
        if user is None:
            user = User.register(id=UserId(self._ids.new_id()), email=address,
                                 admin_emails=frozenset({address.value}), now=self._clock.now())
            await self._users.add(user)
        elif not user.is_admin:
            user = user.promote_to_admin()
            await self._users.save(user)
        else:
            return user
        await self._audit.record("admin.created", actor=None, target=str(user.id))
        await self._tx.commit()
        return user
