"""The verified-claims cache of JwtTokenIssuer changes what a verify costs, never its answer."""

from datetime import UTC, datetime, timedelta
from uuid import UUID

import jwt
import pytest

from adapters.auth.jwt_tokens import JwtTokenIssuer
from domain.errors import NotAuthenticated
from domain.ids import UserId
from domain.users import Email, Role, User

SECRET = "a-test-secret-that-is-at-least-32-bytes-long"
NOW = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)
ADA = User(id=UserId(UUID("00000000-0000-4000-8000-000000000001")),
           email=Email("ada@example.org"), role=Role.USER, created_at=NOW, token_version=3)


def issuer(**options: int) -> JwtTokenIssuer:
    return JwtTokenIssuer(secret=SECRET, issuer="tesigo", audience="tesigo-api",
                          lifetime_s=900, leeway_s=30, **options)


def test_a_cached_token_expires_when_an_uncached_one_does() -> None:
    cached, fresh = issuer(), issuer()
    token = cached.issue(ADA, NOW)
    assert cached.verify(token, NOW) == cached.verify(token, NOW + timedelta(seconds=929))

    for verifier in (cached, fresh):
        with pytest.raises(NotAuthenticated, match="expired"):
            verifier.verify(token, NOW + timedelta(seconds=930))
    with pytest.raises(NotAuthenticated, match="expired"):  # and stays expired
        cached.verify(token, NOW + timedelta(seconds=931))


def test_a_cached_token_is_not_valid_before_its_time_either() -> None:
    verifier = issuer()
    token = verifier.issue(ADA, NOW)
    verifier.verify(token, NOW)

    with pytest.raises(NotAuthenticated, match="not valid yet"):
        verifier.verify(token, NOW - timedelta(seconds=31))


def test_a_token_altered_after_a_good_one_was_cached_is_refused() -> None:
    verifier = issuer()
    token = verifier.issue(ADA, NOW)
    verifier.verify(token, NOW)
    header, _, signature = token.split(".")
    other = jwt.encode({**jwt.decode(token, options={"verify_signature": False}), "ver": 4},
                       "another-secret-that-is-at-least-32-bytes", algorithm="HS256")

    for altered in (f"{header}.{other.split('.')[1]}.{signature}", other):
        with pytest.raises(NotAuthenticated, match="invalid"):
            verifier.verify(altered, NOW)


def test_the_cache_keeps_the_last_tokens_only_and_each_still_verifies() -> None:
    verifier = issuer(cache_size=2)
    tokens = [verifier.issue(ADA, NOW + timedelta(seconds=n)) for n in range(3)]
    answers = [verifier.verify(token, NOW + timedelta(seconds=5)) for token in tokens]

    assert len(verifier._verified) == 2  # the bound is the point
    assert [verifier.verify(t, NOW + timedelta(seconds=6)) for t in tokens] == answers
