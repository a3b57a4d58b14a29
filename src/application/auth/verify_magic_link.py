from dataclasses import dataclass

from application.audit_trail import AuditTrail
from application.auth.lockout import SignInLockout
from application.auth.policy import SignInPolicy
from application.auth.token_pair import SessionTokens, TokenPair
from domain.digests import digest
from domain.errors import AccountBlocked, InvalidMagicLink
from domain.ids import UserId
from domain.ports.magic_links import MagicLinkRepository
from domain.ports.quota import QuotaLedger
from domain.ports.sessions import SessionRepository
from domain.ports.system import Clock, IdGenerator
from domain.ports.transactions import TransactionManager
from domain.ports.users import UserRepository
from domain.quota import LedgerReason
from domain.users import User


@dataclass(frozen=True, slots=True, kw_only=True)
class VerifyMagicLinkRequest:
    token: str
    ip: str | None = None


class VerifyMagicLink:
    """Exchange a sign-in link's token for a session.

    - an unknown, used or expired token is refused with InvalidMagicLink; a token works once,
      also when two requests race
    - repeated failures from one client address lock it out (`SignInLockout`), audited;
      while locked out even a good token is refused with RateLimited, and is not spent
    - the first sign-in of an address creates its account, credited with
      `policy.signup_credits`; addresses in `policy.admin_emails` start as admins
    - a blocked account is refused (nothing is committed, so its link stays unspent)
    - a new session family starts with a fresh refresh token
    """

    def __init__(self, users: UserRepository, links: MagicLinkRepository,
                 sessions: SessionRepository, tokens: SessionTokens, audit: AuditTrail,
                 ledger: QuotaLedger, tx: TransactionManager, clock: Clock, ids: IdGenerator,
                 policy: SignInPolicy, lockout: SignInLockout) -> None:
        self._users, self._links, self._sessions, self._tokens = users, links, sessions, tokens
        self._audit, self._tx, self._clock, self._ids = audit, tx, clock, ids
        self._policy, self._ledger, self._lockout = policy, ledger, lockout

    async def __call__(self, request: VerifyMagicLinkRequest) -> TokenPair:
        now = self._clock.now()
        if request.ip:
            await self._lockout.check(request.ip)
        link = await self._links.find(digest(request.token))
        try:
            if link is None:
                raise InvalidMagicLink
            used = link.consume(now)
        except InvalidMagicLink:
            await self._count_failure(request.ip)
            raise
        await self._links.mark_used(used)
        user = await self._users.find_by_email(used.email)
        if user is None:
            user = User.register(id=UserId(self._ids.new_id()), email=used.email,
                                 admin_emails=self._policy.admin_emails, now=now)
            await self._users.add(user)
            if self._policy.signup_credits:
                await self._ledger.grant(user.id, self._policy.signup_credits,
                                         LedgerReason.SIGNUP, now)
            await self._audit.record("user.registered", actor=user.id, target=str(user.id),
                                     ip=request.ip)
        if user.blocked:
            raise AccountBlocked
        refresh_token, refresh_digest = self._tokens.new_refresh_token()
        await self._sessions.add(self._tokens.new_family(user, refresh_digest, now,
                                                         self._policy.session_lifetime))
        await self._audit.record("auth.signed_in", actor=user.id, target=str(user.id),
                                 ip=request.ip)
        await self._tx.commit()
        if request.ip:
            await self._lockout.succeeded(request.ip)
        return self._tokens.pair(user, refresh_token, now)

    async def _count_failure(self, ip: str | None) -> None:
        if ip is None:
            return
        locked_for_s = await self._lockout.failed(ip)
        if locked_for_s is not None:
            await self._audit.record("auth.locked_out", actor=None, ip=ip,
                                     seconds=locked_for_s)
            await self._tx.commit()
