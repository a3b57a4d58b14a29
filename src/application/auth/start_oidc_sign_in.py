from dataclasses import dataclass

from domain.oidc_sign_in import PendingOidcSignIn
from domain.ports.identity_provider import AuthorizationRequest, IdentityProvider
from domain.ports.system import Clock, SecretGenerator


@dataclass(frozen=True, slots=True, kw_only=True)
class OidcSignInStarted:
    authorization_url: str
    pending: PendingOidcSignIn  # for the browser to keep until it comes back


class StartOidcSignIn:
    """Send the browser to the identity provider.

    - each sign-in has its own random state, nonce and PKCE verifier (256 bits each); the
      provider sees the state, the nonce and the verifier's S256 challenge only
    - nothing is stored on the server: the caller keeps `pending` in the browser, sealed,
      and hands it back to FinishOidcSignIn
    - an unconfigured provider refuses with SignInMethodUnavailable
    """

    def __init__(self, provider: IdentityProvider, secrets: SecretGenerator,
                 clock: Clock) -> None:
        self._provider, self._secrets, self._clock = provider, secrets, clock

    async def __call__(self, redirect_uri: str) -> OidcSignInStarted:
        pending = PendingOidcSignIn(state=self._secrets.new_secret(),
                                    nonce=self._secrets.new_secret(),
                                    code_verifier=self._secrets.new_secret(),
                                    started_at=self._clock.now())
        url = await self._provider.authorization_url(AuthorizationRequest(
            redirect_uri=redirect_uri, state=pending.state, nonce=pending.nonce,
            code_verifier=pending.code_verifier))
        return OidcSignInStarted(authorization_url=url, pending=pending)
