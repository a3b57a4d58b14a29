from dataclasses import replace

from application.two_factor.policy import SecondFactorPolicy
from domain.errors import NotAuthenticated
from domain.ports.tokens import AccessClaims
from domain.users import Role, User


def admitted(user: User | None, claims: AccessClaims, second_factor: SecondFactorPolicy) -> User:
    """The user a verified access token stands for, as the rest of the request sees them.

    - no such user (erased), a blocked one, or a token version other than the user's
      current one (logout-all and blocking bump it) is NotAuthenticated
    - with `second_factor.admin_required`, an admin whose token did not pass the second
      factor (`mfa`) is returned without the admin role, so admin use cases refuse them
    """
    if user is None or user.blocked or user.token_version != claims.token_version:
        raise NotAuthenticated
    if user.is_admin and second_factor.admin_required and not claims.mfa:
        return replace(user, role=Role.USER)
    return user
