from dataclasses import replace

from application.two_factor.policy import SecondFactorPolicy
from domain.errors import NotAuthenticated, NotFound
from domain.ports.system import Clock
from domain.ports.tokens import TokenIssuer
from domain.ports.users import UserRepository
from domain.users import Role, User


class Authenticate:
    """Who is behind an access token.

    - the token must be genuine and unexpired
    - its token version must be the user's current one (logout-all and blocking bump it)
    - a deleted or blocked user is NotAuthenticated
    - with `second_factor.admin_required`, an admin whose token did not pass the second
      factor (`mfa`) is returned without the admin role, so admin use cases refuse them
    """

    def __init__(self, issuer: TokenIssuer, users: UserRepository, clock: Clock,
                 second_factor: SecondFactorPolicy) -> None:
        self._issuer, self._users, self._clock = issuer, users, clock
        self._second_factor = second_factor

    async def __call__(self, access_token: str) -> User:
        claims = self._issuer.verify(access_token, self._clock.now())
        try:
            user = await self._users.get(claims.user_id)
        except NotFound:
            raise NotAuthenticated from None
        if user.blocked or user.token_version != claims.token_version:
            raise NotAuthenticated
        if user.is_admin and self._second_factor.admin_required and not claims.mfa:
            return replace(user, role=Role.USER)
        return user
