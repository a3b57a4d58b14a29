from dataclasses import dataclass

from application.audit_trail import AuditTrail
from application.auth.email_sign_in import EmailSignIn
from application.auth.lockout import SignInLockout
from application.auth.token_pair import TokenPair
from domain.digests import digest
from domain.errors import InvalidMagicLink
from domain.ports.magic_links import MagicLinkRepository
from domain.ports.system import Clock
from domain.ports.transactions import TransactionManager


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
    - then the link's address signs in as `EmailSignIn` says (the account found or created,
      signup credits, admins); a blocked account is refused (nothing is committed, so its
      link stays unspent)
    """

    def __init__(self, links: MagicLinkRepository, sign_in: EmailSignIn, audit: AuditTrail,
                 tx: TransactionManager, clock: Clock, lockout: SignInLockout) -> None:
        self._links, self._sign_in, self._audit = links, sign_in, audit
        self._tx, self._clock, self._lockout = tx, clock, lockout

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
        pair = await self._sign_in(used.email, now=now, ip=request.ip)
        await self._tx.commit()
        if request.ip:
            await self._lockout.succeeded(request.ip)
        return pair

    async def _count_failure(self, ip: str | None) -> None:
        if ip is None:
            return
        locked_for_s = await self._lockout.failed(ip)
        if locked_for_s is not None:
            await self._audit.record("auth.locked_out", actor=None, ip=ip,
                                     seconds=locked_for_s)
            await self._tx.commit()
