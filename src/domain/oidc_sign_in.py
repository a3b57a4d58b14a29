"""A sign-in with an identity provider while the browser is away at the provider."""

import hmac
from dataclasses import dataclass
from datetime import datetime, timedelta

from domain.errors import DomainError

OIDC_SIGN_IN_TTL = timedelta(minutes=10)


class InvalidSignInState(DomainError):
    default_message = ("This sign-in was not started in this browser, was already used or is "
                       "older than 10 minutes. Start the sign-in again.")


@dataclass(frozen=True, slots=True, kw_only=True)
class PendingOidcSignIn:
    """What the browser keeps (sealed) between leaving for the provider and coming back."""

    state: str
    nonce: str
    code_verifier: str
    started_at: datetime

    def check(self, state: str, now: datetime) -> None:
        """Raises InvalidSignInState unless `state` is this sign-in's and it is still fresh."""
        if not hmac.compare_digest(self.state.encode(), state.encode()):
            raise InvalidSignInState
        if not self.started_at <= now < self.started_at + OIDC_SIGN_IN_TTL:
            raise InvalidSignInState
