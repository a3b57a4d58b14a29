from dataclasses import dataclass

from application.auth.policy import SignInPolicy
from application.mail.sign_in_message import sign_in_message
from domain.digests import digest
from domain.ids import MagicLinkId, OutboxMessageId
from domain.magic_links import MagicLink
from domain.outbox import OutboxMessage
from domain.ports.magic_links import MagicLinkRepository
from domain.ports.outbox import Outbox
from domain.ports.rate_limits import RateLimiter
from domain.ports.system import Clock, IdGenerator, SecretGenerator
from domain.ports.transactions import TransactionManager
from domain.ports.users import UserRepository
from domain.users import Email


@dataclass(frozen=True, slots=True, kw_only=True)
class MagicLinkRequest:
    email: str


class RequestMagicLink:
    """Send a single-use sign-in link to an address.

    - known and unknown addresses are treated alike (an unknown one becomes an account when
      its link is used), so the caller learns nothing about who has an account
    - a blocked account gets no link, and the caller cannot tell: the same link and message
      are written (the link already spent, the message withheld), so the answer takes as
      long as for anyone else
    - each address may ask `policy.magic_link_rate` times; past that RateLimited
    - only the digest of the token is stored; the link travels in an outbox message written
      in the same transaction, delivered off the request path
    """

    def __init__(self, users: UserRepository, links: MagicLinkRepository, outbox: Outbox,
                 limiter: RateLimiter, tx: TransactionManager, clock: Clock, ids: IdGenerator,
                 secrets: SecretGenerator, policy: SignInPolicy) -> None:
        self._users, self._links, self._outbox, self._limiter = users, links, outbox, limiter
        self._tx, self._clock, self._ids, self._secrets = tx, clock, ids, secrets
        self._policy = policy

    async def __call__(self, request: MagicLinkRequest) -> None:
        email = Email(request.email)
        await self._limiter.hit(f"magic-link:{email}", self._policy.magic_link_rate)
        user = await self._users.find_by_email(email)
        now, token = self._clock.now(), self._secrets.new_secret()
        link = MagicLink.issue(id=MagicLinkId(self._ids.new_id()), email=email,
                               token_digest=digest(token), now=now,
                               ttl=self._policy.magic_link_ttl)
        message = OutboxMessage.enqueue(
            id=OutboxMessageId(self._ids.new_id()), now=now,
            message=sign_in_message(email.value, self._policy.link_for(token),
                                    int(self._policy.magic_link_ttl.total_seconds() // 60)))
        if user is not None and user.blocked:
            link, message = link.consume(now), message.withheld("the account is blocked", now)
        await self._links.add(link)
        await self._outbox.add(message)
        await self._tx.commit()
