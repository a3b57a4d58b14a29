"""The scrubber on a crafted event: every token, credential, e-mail address and secret
setting masked wherever it sits; the rest of the event left as it was."""

import json
from datetime import UTC, datetime

from tests.memory_container import settings_for

from entrypoints.error_scrubbing import EMAIL_MASK, REDACTED, Scrubber
from entrypoints.error_tracking import secret_values

EMAIL = "grace.hopper@example.org"
TOKEN = "Zx81_Qw3rTy-uiOp4sDfGhJkL0zXcVbNm9876543210"
JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJncmFjZSJ9.c2lnbmVkLWJ5LXRoZS1zZXJ2aWNl"
SECRETS = {"secret_key": "a-secret-key-of-forty-characters-000000",
           "stripe_secret_key": "sk_live_stripe_value", "smtp_password": "mail pass 1",
           "openai_api_key": "oa-key-123", "stripe_webhook_secret": ["whsec_one", "whsec_two"]}
EVENT_ID = "0f4c8d2e9b1a4e6f8a7b6c5d4e3f2a1b"


def crafted_event() -> dict:
    return {
        "event_id": EVENT_ID,
        "level": "error",
        "logentry": {"message": f"mail to {EMAIL} bounced", "params": []},
        "exception": {"values": [{
            "type": "RuntimeError", "value": f"bad header Bearer {JWT} for {EMAIL}",
            "stacktrace": {"frames": [{
                "function": "charge_the_customer_for_a_very_long_named_step", "lineno": 12,
                "vars": {"refresh": TOKEN, "key": f"'{SECRETS['stripe_secret_key']}'",
                         "dsn": "postgresql://tesigo:db-password@db.internal:5432/tesigo",
                         "owner": f"User(email='{EMAIL}')", "prompt_tokens": 1200}}]},
        }]},
        "breadcrumbs": {"values": [
            {"timestamp": datetime(2026, 1, 2, tzinfo=UTC), "category": "httplib",
             "data": {"url": f"https://tesigo.test/auth/verify?token={TOKEN}"}},
            {"message": f"signed in with {SECRETS['secret_key']}", "data": {"n": 3}},
        ]},
        "extra": {"refresh_token": TOKEN, "note": f"ask {EMAIL}", "tokens_used": 42,
                  "webhook": f"signed with {SECRETS['stripe_webhook_secret'][1]}",
                  "smtp": f"login failed: {SECRETS['smtp_password']}",
                  "model": f"key {SECRETS['openai_api_key']} refused"},
        "request": {"url": "https://tesigo.test/api/v1/auth/refresh",
                    "query_string": f"token={TOKEN}&page=2",
                    "headers": {"Authorization": f"Bearer {JWT}", "Cookie": "tesigo_session=x",
                                "User-Agent": "pytest"},
                    "data": {"email": EMAIL, "refresh_token": TOKEN, "title": "Bridges"}},
        "tags": {"request_id": "req-0001"},
    }


def scrubbed() -> dict:
    return Scrubber(secret_values(settings_for(**SECRETS))).value(crafted_event())


def test_nothing_secret_is_left_anywhere() -> None:
    sent = json.dumps(scrubbed(), default=str)
    for value in [EMAIL, TOKEN, JWT, "db-password", *SECRETS["stripe_webhook_secret"],
                  *(v for v in SECRETS.values() if isinstance(v, str))]:
        assert value not in sent, value


def test_what_is_masked_says_so_and_the_rest_is_kept() -> None:
    event = scrubbed()
    [error] = event["exception"]["values"]
    frame = error["stacktrace"]["frames"][0]
    assert error["value"] == f"bad header Bearer *** for {EMAIL_MASK}"
    assert frame["vars"]["refresh"] == REDACTED
    assert frame["vars"]["dsn"] == REDACTED  # a credential-like name: masked whole
    assert frame["vars"]["owner"] == f"User(email='{EMAIL_MASK}')"
    assert frame["vars"]["prompt_tokens"] == 1200  # numbers under such names are no secret
    assert frame["function"] == "charge_the_customer_for_a_very_long_named_step"
    assert event["request"]["headers"] == {"Authorization": REDACTED, "Cookie": REDACTED,
                                           "User-Agent": "pytest"}
    assert event["request"]["query_string"] == "token=***&page=2"
    assert event["request"]["data"] == {"email": EMAIL_MASK, "refresh_token": REDACTED,
                                        "title": "Bridges"}
    assert event["extra"]["tokens_used"] == 42
    assert event["breadcrumbs"]["values"][0]["timestamp"] == datetime(2026, 1, 2, tzinfo=UTC)
    assert event["event_id"] == EVENT_ID and event["tags"] == {"request_id": "req-0001"}


def test_a_password_in_a_url_is_masked_in_any_text() -> None:
    text = Scrubber().text("could not connect to postgresql://tesigo:s3cr3t@db:5432/app")
    assert text == f"could not connect to postgresql://tesigo:{REDACTED}@db:5432/app"


def test_every_setting_named_like_a_secret_is_known() -> None:
    values = secret_values(settings_for(**SECRETS))
    assert set(values) >= {"a-secret-key-of-forty-characters-000000", "sk_live_stripe_value",
                           "mail pass 1", "oa-key-123", "whsec_one", "whsec_two"}
