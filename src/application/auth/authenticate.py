from application.auth.admission import admitted
from application.two_factor.policy import SecondFactorPolicy
from domain.errors import NotFound
from domain.ports.system import Clock
from domain.ports.tokens import TokenIssuer
from domain.ports.users import UserRepository
from domain.users import User


class Authenticate:
    """Who is behind an access token.

    - the token must be genuine and unexpired
    - the user must pass `admitted`: present, not blocked, the token's version current; an
      admin without the second factor loses the role where the policy requires it
    """

    def __init__(self, issuer: TokenIssuer, users: UserRepository, clock: Clock,
                 second_factor: SecondFactorPolicy) -> None:
        self._issuer, self._users, self._clock = issuer, users, clock
        self._second_factor = second_factor

    async def __call__(self, access_token: str) -> User:
        claims = self._issuer.verify(access_token, self._clock.now())
        try:
            user: User | None = await self._users.get(claims.user_id)
        except NotFound:
            user = None
        return admitted(user, claims, self._second_factor)
