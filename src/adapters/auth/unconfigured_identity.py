from datetime import datetime

from domain.ports.identity_provider import (
    AuthorizationRequest,
    CodeExchange,
    IdentityProvider,
    SignInMethodUnavailable,
    VerifiedIdentity,
)


class UnconfiguredIdentityProvider(IdentityProvider):
    """Stands in while OIDC_ISSUER and its client are unset: every call is refused."""

    async def authorization_url(self, request: AuthorizationRequest) -> str:
        raise SignInMethodUnavailable

    async def identify(self, exchange: CodeExchange, now: datetime) -> VerifiedIdentity:
        raise SignInMethodUnavailable
