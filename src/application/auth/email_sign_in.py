from datetime import datetime

from application.audit_trail import AuditTrail
from application.auth.policy import SignInPolicy
from application.auth.token_pair import SessionTokens, TokenPair
from domain.errors import AccountBlocked
from domain.ids import UserId
from domain.ports.quota import QuotaLedger
from domain.ports.sessions import SessionRepository
from domain.ports.system import IdGenerator
from domain.ports.users import UserRepository
from domain.quota import LedgerReason
from domain.users import Email, User


class EmailSignIn:
    """Opens a session for an e-mail address that has proven itself (a magic link, or an
    identity provider's verified e-mail); every way in shares these rules:

    - the first sign-in of an address creates its account, credited with
      `policy.signup_credits`; addresses in `policy.admin_emails` start as admins
    - a blocked account is refused with AccountBlocked
    - a new session family starts with a fresh refresh token
    - it writes in the caller's transaction: the caller commits
    """

    def __init__(self, users: UserRepository, sessions: SessionRepository,
                 tokens: SessionTokens, audit: AuditTrail, ledger: QuotaLedger,
                 ids: IdGenerator, policy: SignInPolicy) -> None:
        self._users, self._sessions, self._tokens, self._audit = users, sessions, tokens, audit
        self._ledger, self._ids, self._policy = ledger, ids, policy

    async def __call__(self, email: Email, *, now: datetime, ip: str | None,
                       via: str | None = None) -> TokenPair:
        user = await self._users.find_by_email(email)
        if user is None:
            user = User.register(id=UserId(self._ids.new_id()), email=email,
                                 admin_emails=self._policy.admin_emails, now=now)
            await self._users.add(user)
            if self._policy.signup_credits:
                await self._ledger.grant(user.id, self._policy.signup_credits,
                                         LedgerReason.SIGNUP, now)
            await self._audit.record("user.registered", actor=user.id, target=str(user.id),
                                     ip=ip)
        if user.blocked:
            raise AccountBlocked
        refresh_token, refresh_digest = self._tokens.new_refresh_token()
        await self._sessions.add(self._tokens.new_family(user, refresh_digest, now,
                                                         self._policy.session_lifetime))
        await self._audit.record("auth.signed_in", actor=user.id, target=str(user.id), ip=ip,
                                 **({"via": via} if via else {}))
        return self._tokens.pair(user, refresh_token, now)
