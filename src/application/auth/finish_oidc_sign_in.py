from dataclasses import dataclass

from application.auth.email_sign_in import EmailSignIn
from application.auth.token_pair import TokenPair
from domain.digests import digest
from domain.errors import InvalidInput
from domain.oidc_sign_in import OIDC_SIGN_IN_TTL, InvalidSignInState, PendingOidcSignIn
from domain.ports.counters import Counters
from domain.ports.identity_provider import CodeExchange, IdentityProvider, SignInRefused
from domain.ports.system import Clock
from domain.ports.transactions import TransactionManager
from domain.users import Email


@dataclass(frozen=True, slots=True, kw_only=True)
class FinishOidcSignInRequest:
    pending: PendingOidcSignIn | None  # what the browser kept; None when it kept nothing
    redirect_uri: str
    state: str
    code: str = ""
    error: str | None = None  # the provider's `error` (the person declined, ...)
    ip: str | None = None


class FinishOidcSignIn:
    """Exchange the identity provider's answer for a session.

    - an answer with an error (the person declined) is refused with SignInRefused, whatever
      its state (providers may leave it out there, and an error grants nothing)
    - any other answer must carry the state of a sign-in this browser started less than 10
      minutes ago, and each state works once, also when the answer and the browser's
      cookie are replayed: else InvalidSignInState
    - an answer without a code is refused with SignInRefused, as is an ID token the
      provider's port does not verify (signature, issuer, audience, times, nonce) and an
      e-mail the provider did not verify
    - the verified e-mail then signs in exactly as a magic link to it would
      (`EmailSignIn`): the same account, created on first sign-in with signup credits and
      admin rights from ADMIN_EMAILS; a blocked account is refused with AccountBlocked
    """

    def __init__(self, provider: IdentityProvider, counters: Counters, sign_in: EmailSignIn,
                 tx: TransactionManager, clock: Clock) -> None:
        self._provider, self._counters, self._sign_in = provider, counters, sign_in
        self._tx, self._clock = tx, clock

    async def __call__(self, request: FinishOidcSignInRequest) -> TokenPair:
        now = self._clock.now()
        if request.error:  # nothing to take from it, so nothing to bind first
            raise SignInRefused(f"The identity provider did not sign you in "
                                f"({request.error[:100]}).")
        if request.pending is None:
            raise InvalidSignInState
        request.pending.check(request.state, now)
        ttl_s = int(OIDC_SIGN_IN_TTL.total_seconds())
        if await self._counters.increment(f"oidc-state:{digest(request.state)}", ttl_s) > 1:
            raise InvalidSignInState
        if not request.code:
            raise SignInRefused("The identity provider sent no sign-in code.")
        identity = await self._provider.identify(CodeExchange(
            code=request.code, redirect_uri=request.redirect_uri,
            code_verifier=request.pending.code_verifier, nonce=request.pending.nonce), now)
        try:
            email = Email(identity.email)
        except InvalidInput:
            raise SignInRefused("The identity provider's e-mail address is not valid.") from None
        pair = await self._sign_in(email, now=now, ip=request.ip, via="oidc")
        await self._tx.commit()
        return pair
