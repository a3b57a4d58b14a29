from dataclasses import dataclass

from application.audit_trail import AuditTrail
from application.auth.policy import SignInPolicy
from domain.demo_accounts import is_demo_address
from domain.errors import InvalidInput
from domain.ids import UserId
from domain.ports.quota import QuotaLedger
from domain.ports.system import Clock, IdGenerator
from domain.ports.transactions import TransactionManager
from domain.ports.users import UserRepository
from domain.quota import LedgerReason
from domain.users import Email, User


@dataclass(frozen=True, slots=True, kw_only=True)
class DemoAccount:
    user: User
    created: bool


class RegisterDemoAccount:
    """Sign up a demo account without a sign-in link (for `tesigo seed-demo`).

    - only addresses under the demo domain (`domain.demo_accounts`) are accepted, anything
      else is InvalidInput: no real address gets an account it did not ask for
    - an address that has an account keeps it as it is (`created` is False)
    - a new account is registered as a first sign-in registers one: a user (never an admin),
      credited with `policy.signup_credits`, audited as `user.registered` with `demo`
    """

    def __init__(self, users: UserRepository, ledger: QuotaLedger, audit: AuditTrail,
                 tx: TransactionManager, clock: Clock, ids: IdGenerator,
                 policy: SignInPolicy) -> None:
        self._users, self._ledger, self._audit, self._tx = users, ledger, audit, tx
        self._clock, self._ids, self._policy = clock, ids, policy

    async def __call__(self, email: str) -> DemoAccount:
        address = Email(email)
        if not is_demo_address(address):
            raise InvalidInput("Only demo addresses can be registered this way.", field="email")
        user = await self._users.find_by_email(address)
        if user is not None:
            return DemoAccount(user=user, created=False)
        now = self._clock.now()
        user = User.register(id=UserId(self._ids.new_id()), email=address,
                             admin_emails=frozenset(), now=now)
        await self._users.add(user)
        if self._policy.signup_credits:
            await self._ledger.grant(user.id, self._policy.signup_credits,
                                     LedgerReason.SIGNUP, now)
        await self._audit.record("user.registered", actor=user.id, target=str(user.id),
                                 demo=True)
        await self._tx.commit()
        return DemoAccount(user=user, created=True)
