"""The `mfa` claim of access tokens: set only for a session that passed the second factor;
a token without it (minted before it existed) or with a non-boolean value counts as without."""

from datetime import timedelta

import jwt
from tests.adapters.test_jwt_tokens import ADA, NOW, SECRET, claims_of, forged

from adapters.auth.jwt_tokens import JwtTokenIssuer

LATER = NOW + timedelta(minutes=1)


def an_issuer() -> JwtTokenIssuer:
    return JwtTokenIssuer(secret=SECRET, issuer="tesigo", audience="tesigo-api")


def test_the_claim_says_whether_the_second_factor_was_passed() -> None:
    issuer = an_issuer()
    assert issuer.verify(issuer.issue(ADA, NOW, mfa=True), LATER).mfa
    assert not issuer.verify(issuer.issue(ADA, NOW), LATER).mfa
    assert claims_of(issuer.issue(ADA, NOW, mfa=True))["mfa"] is True


def test_a_token_without_the_claim_or_with_another_value_has_not_passed_it() -> None:
    issuer = an_issuer()
    without = {k: v for k, v in claims_of(issuer.issue(ADA, NOW, mfa=True)).items()
               if k != "mfa"}
    assert not issuer.verify(jwt.encode(without, SECRET, algorithm="HS256"), LATER).mfa
    assert not issuer.verify(forged(issuer, mfa="true"), LATER).mfa
    assert not issuer.verify(forged(issuer, mfa=1), LATER).mfa
