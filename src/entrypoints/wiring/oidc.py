"""Sign-in with an OpenID Connect provider: the provider's adapter (a stand-in that refuses
while OIDC_* is unset), the browser's sealed cookie and the two use cases."""

from dishka import Provider, Scope, provide, provide_all

from adapters.auth.oidc_identity import OidcIdentityProvider
from adapters.auth.unconfigured_identity import UnconfiguredIdentityProvider
from application.auth.finish_oidc_sign_in import FinishOidcSignIn
from application.auth.start_oidc_sign_in import StartOidcSignIn
from domain.ports.identity_provider import IdentityProvider
from entrypoints.config import Settings
from entrypoints.http.oidc_cookie import OidcCookie


class OidcProvider(Provider):
    use_cases = provide_all(StartOidcSignIn, FinishOidcSignIn, scope=Scope.REQUEST)

    @provide(scope=Scope.APP)
    def identity_provider(self, settings: Settings) -> IdentityProvider:
        if not settings.oidc_enabled:
            return UnconfiguredIdentityProvider()
        return OidcIdentityProvider(issuer=settings.oidc_issuer or "",
                                    client_id=settings.oidc_client_id or "",
                                    client_secret=settings.oidc_client_secret or "")

    @provide(scope=Scope.APP)
    def cookie(self, settings: Settings) -> OidcCookie:
        return OidcCookie(settings.secret_key, secure=settings.is_production)
