import hashlib
import hmac
import re
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st
from tests.paddle_signing import paddle_signature

from adapters.paddle.signature import verify_paddle_signature
from domain.payments import InvalidWebhookSignature

SECRET, OLD_SECRET = "pdl_ntfset_current_0123456789abcdef", "pdl_ntfset_previous_0123456789ab"
NOW = datetime(2026, 1, 1, 10, 0, tzinfo=UTC)
T = int(NOW.timestamp())
BODY = b'{"event_id": "evt_1", "event_type": "ping", "data": {}}'


def verify(header: str | None, body: bytes = BODY, secrets: tuple[str, ...] = (SECRET,),
           now: datetime = NOW) -> None:
    verify_paddle_signature(body, header, secrets, now=now)


def test_a_valid_signature_is_accepted():
    verify(paddle_signature(BODY, SECRET, T))


def test_any_matching_h1_is_enough_during_paddles_rotation():
    verify(paddle_signature(BODY, ["pdl_ntfset_some_other_secret", SECRET], T))
    verify(paddle_signature(BODY, [SECRET, "pdl_ntfset_some_other_secret"], T))


def test_a_header_signed_with_our_previous_secret_is_accepted_while_we_rotate():
    verify(paddle_signature(BODY, OLD_SECRET, T), secrets=(SECRET, OLD_SECRET))
    verify(paddle_signature(BODY, SECRET, T), secrets=(OLD_SECRET, SECRET))


def test_spaces_around_the_parts_are_tolerated():
    verify(paddle_signature(BODY, SECRET, T).replace(";", " ; "))


def test_keys_other_than_ts_and_h1_are_ignored():
    verify(paddle_signature(BODY, SECRET, T) + ";h2=later-scheme")


@pytest.mark.parametrize("seconds", [300, -300])
def test_the_tolerance_edge_is_accepted_on_both_sides(seconds):
    verify(paddle_signature(BODY, SECRET, T), now=NOW + timedelta(seconds=seconds))


def test_the_tolerance_is_configurable():
    header = paddle_signature(BODY, SECRET, T - 61)
    verify_paddle_signature(BODY, header, [SECRET], now=NOW, tolerance_s=61)
    with pytest.raises(InvalidWebhookSignature, match="60 s"):
        verify_paddle_signature(BODY, header, [SECRET], now=NOW, tolerance_s=60)


def good() -> str:
    return paddle_signature(BODY, SECRET, T)


@pytest.mark.parametrize(("case", "header", "body", "now"), [
    ("wrong secret", paddle_signature(BODY, "pdl_ntfset_wrong", T), BODY, NOW),
    ("301 s old", good(), BODY, NOW + timedelta(seconds=301)),
    ("301 s in the future", good(), BODY, NOW - timedelta(seconds=301)),
    ("signed as Stripe signs", good().replace(";", ","), BODY, NOW),
    ("signed over ts. instead of ts:", f"ts={T};h1=" + hmac.new(
        SECRET.encode(), f"{T}.".encode() + BODY, hashlib.sha256).hexdigest(), BODY, NOW),
    ("missing", None, BODY, NOW),
    ("empty", "", BODY, NOW),
    ("blank", "  ", BODY, NOW),
    ("no h1", f"ts={T}", BODY, NOW),
    ("empty h1", f"ts={T};h1=", BODY, NOW),
    ("no ts", good().split(";", 1)[1], BODY, NOW),
    ("two timestamps", f"ts={T};" + good(), BODY, NOW),
    ("ts not a number", good().replace(f"ts={T}", "ts=soon"), BODY, NOW),
    ("negative ts", good().replace(f"ts={T}", f"ts=-{T}"), BODY, NOW),
    ("non-ascii digits", good().replace(f"ts={T}", "ts=١٧٦٧٢٦١٦٠٠"), BODY, NOW),
    ("13-digit ts", good().replace(f"ts={T}", f"ts=000{T}"), BODY, NOW),
    ("5000-digit ts", good().replace(f"ts={T}", "ts=" + "1" * 5000), BODY, NOW),
    ("garbage", "definitely not a signature", BODY, NOW),
    ("trailing separator", good() + ";", BODY, NOW),
    ("non-ascii h1", f"ts={T};h1=ü", BODY, NOW),
])
def test_a_bad_header_is_refused(case, header, body, now):
    with pytest.raises(InvalidWebhookSignature) as raised:
        verify(header, body=body, now=now)

    message = str(raised.value)
    assert SECRET not in message
    assert not any(signature in message for signature in re.findall(r"[0-9a-f]{64}",
                                                                     header or ""))


def test_without_any_secret_nothing_verifies():
    with pytest.raises(InvalidWebhookSignature):
        verify(good(), secrets=())


@given(body=st.binary(max_size=200), index=st.integers(min_value=0), flip=st.integers(1, 255))
def test_a_tampered_body_fails(body, index, flip):
    header = paddle_signature(body, SECRET, T)
    verify(header, body=body)
    if body:
        position = index % len(body)
        tampered = body[:position] + bytes([body[position] ^ flip]) + body[position + 1:]
    else:
        tampered = bytes([flip])

    with pytest.raises(InvalidWebhookSignature):
        verify(header, body=tampered)
