import json
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


@pytest.fixture
def issuer() -> JwtTokenIssuer:
    return JwtTokenIssuer(secret=SECRET, issuer="tesigo", audience="tesigo-api", lifetime_s=900)


def claims_of(token: str) -> dict:
    return jwt.decode(token, options={"verify_signature": False})


def forged(issuer: JwtTokenIssuer, key: str = SECRET, algorithm: str = "HS256",
           **changes: object) -> str:
    claims = {**claims_of(issuer.issue(ADA, NOW)), **changes}
    return jwt.encode({k: v for k, v in claims.items() if v is not None}, key,
                      algorithm=algorithm)


def test_an_issued_token_verifies_to_the_users_claims(issuer):
    claims = issuer.verify(issuer.issue(ADA, NOW), NOW + timedelta(minutes=1))

    assert claims.user_id == ADA.id
    assert claims.token_version == 3
    assert claims.expires_at == NOW + timedelta(seconds=900)


def test_the_token_carries_the_standard_claims(issuer):
    claims = claims_of(issuer.issue(ADA, NOW))

    assert claims["sub"] == str(ADA.id)
    assert (claims["iss"], claims["aud"], claims["typ"], claims["ver"]) == (
        "tesigo", "tesigo-api", "access", 3)
    assert claims["iat"] == claims["nbf"] == int(NOW.timestamp())
    assert claims["exp"] - claims["iat"] == issuer.lifetime_s
    assert claims_of(issuer.issue(ADA, NOW))["jti"] != claims["jti"]
    assert jwt.get_unverified_header(issuer.issue(ADA, NOW))["alg"] == "HS256"


def test_the_passed_in_time_decides_not_the_wall_clock(issuer):
    old = datetime(2001, 1, 1, tzinfo=UTC)

    assert issuer.verify(issuer.issue(ADA, old), old).user_id == ADA.id


@pytest.mark.parametrize("later", [timedelta(seconds=900), timedelta(days=1)])
def test_an_expired_token_is_refused(issuer, later):
    with pytest.raises(NotAuthenticated):
        issuer.verify(issuer.issue(ADA, NOW), NOW + later)


def test_the_last_second_of_its_life_still_counts(issuer):
    issuer.verify(issuer.issue(ADA, NOW), NOW + timedelta(seconds=899))


def test_a_token_used_before_it_is_valid_is_refused(issuer):
    with pytest.raises(NotAuthenticated):
        issuer.verify(issuer.issue(ADA, NOW), NOW - timedelta(seconds=1))


def test_a_not_before_in_the_future_is_refused(issuer):
    token = forged(issuer, nbf=int(NOW.timestamp()) + 60)

    with pytest.raises(NotAuthenticated):
        issuer.verify(token, NOW)


def test_another_secret_is_refused(issuer):
    with pytest.raises(NotAuthenticated):
        issuer.verify(forged(issuer, key="another-secret-that-is-also-32-bytes-long"), NOW)


@pytest.mark.parametrize("change", [{"aud": "someone-else"}, {"aud": ["tesigo-api", "x"]},
                                    {"iss": "evil"}, {"typ": "refresh"}, {"ver": "3"},
                                    {"sub": "not-a-uuid"}, {"exp": "tomorrow"}])
def test_wrong_claims_are_refused(issuer, change):
    with pytest.raises(NotAuthenticated):
        issuer.verify(forged(issuer, **change), NOW)


@pytest.mark.parametrize("claim", ["sub", "iss", "aud", "iat", "nbf", "exp", "typ", "ver", "jti"])
def test_a_missing_claim_is_refused(issuer, claim):
    with pytest.raises(NotAuthenticated):
        issuer.verify(forged(issuer, **{claim: None}), NOW)


def test_an_unsigned_token_is_refused(issuer):
    token = jwt.encode(claims_of(issuer.issue(ADA, NOW)), None, algorithm="none")

    with pytest.raises(NotAuthenticated):
        issuer.verify(token, NOW)


@pytest.mark.filterwarnings("ignore::jwt.warnings.InsecureKeyLengthWarning")
def test_a_token_signed_with_hs512_and_the_right_secret_is_refused(issuer):
    with pytest.raises(NotAuthenticated):
        issuer.verify(forged(issuer, algorithm="HS512"), NOW)


def test_a_token_claiming_rs256_is_refused(issuer):
    _, _, payload_and_signature = issuer.issue(ADA, NOW).partition(".")
    rs256 = jwt.utils.base64url_encode(b'{"alg":"RS256","typ":"JWT"}').decode()

    with pytest.raises(NotAuthenticated):
        issuer.verify(f"{rs256}.{payload_and_signature}", NOW)


def test_a_tampered_payload_is_refused(issuer):
    token = issuer.issue(ADA, NOW)
    header, _, signature = token.split(".")
    claims = claims_of(token) | {"ver": 4}
    tampered = jwt.utils.base64url_encode(json.dumps(claims).encode()).decode()

    with pytest.raises(NotAuthenticated):
        issuer.verify(f"{header}.{tampered}.{signature}", NOW)


@pytest.mark.parametrize("garbage", ["", "abc", "a.b.c", "Bearer x.y.z"])
def test_garbage_is_refused(issuer, garbage):
    with pytest.raises(NotAuthenticated):
        issuer.verify(garbage, NOW)


@pytest.fixture
def lenient() -> JwtTokenIssuer:
    return JwtTokenIssuer(secret=SECRET, issuer="tesigo", audience="tesigo-api", lifetime_s=900,
                          leeway_s=30)


@pytest.mark.parametrize("skew_s", [-30, -1, 1, 29])
def test_a_token_from_a_host_whose_clock_runs_ahead_is_accepted(lenient, skew_s):
    """Issued by a host `skew_s` seconds ahead (or behind) of the verifier."""
    token = lenient.issue(ADA, NOW + timedelta(seconds=skew_s))

    assert lenient.verify(token, NOW).user_id == ADA.id


def test_a_token_from_the_future_beyond_the_leeway_is_refused(lenient):
    token = lenient.issue(ADA, NOW + timedelta(seconds=31))

    with pytest.raises(NotAuthenticated, match="not valid yet"):
        lenient.verify(token, NOW)


def test_expiry_tolerates_the_leeway_and_no_more(lenient):
    token = lenient.issue(ADA, NOW)

    assert lenient.verify(token, NOW + timedelta(seconds=900 + 29)).user_id == ADA.id
    with pytest.raises(NotAuthenticated, match="expired"):
        lenient.verify(token, NOW + timedelta(seconds=900 + 30))


def test_the_service_allows_thirty_seconds_of_skew_by_default():
    from entrypoints.config import load_settings

    assert load_settings({}).jwt_leeway_s == 30


def test_while_the_key_rotates_tokens_of_the_previous_key_still_verify() -> None:
    old = JwtTokenIssuer(secret=SECRET, issuer="tesigo", audience="tesigo-api")
    new_key = "the-next-secret-that-is-at-least-32-bytes-long"
    rotating = JwtTokenIssuer(secret=new_key, issuer="tesigo", audience="tesigo-api",
                              previous_secret=SECRET)
    rotated = JwtTokenIssuer(secret=new_key, issuer="tesigo", audience="tesigo-api")
    earlier = old.issue(ADA, NOW)
    later = rotating.issue(ADA, NOW)

    assert rotating.verify(earlier, NOW).user_id == ADA.id
    assert rotated.verify(later, NOW).user_id == ADA.id  # signed with the new key
    with pytest.raises(NotAuthenticated):
        rotated.verify(earlier, NOW)  # once the previous key is gone, so are its tokens
    with pytest.raises(NotAuthenticated):
        rotating.verify(forged(old, key="a-third-key-nobody-configured-0123456789"), NOW)
