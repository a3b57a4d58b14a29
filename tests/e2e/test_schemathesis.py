"""schemathesis against the real `tesigo serve` on PostgreSQL: every check, the stateful
phase on, as a signed-in user and then as an admin, with payments against the local Stripe
stand-in. Any failure (a 5xx, an answer the schema does not declare, a valid request refused
or an invalid one accepted) fails the test, with schemathesis's summary as the message.

The configuration (what is excluded and why) is in schemathesis.toml beside this file.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from email import message_from_bytes
from email.policy import default
from pathlib import Path

import httpx
import pytest
from tests.e2e.processes import Served, serving, tesigo_env
from tests.integration.stripe_billing_server import StripeBillingTestServer

pytestmark = [pytest.mark.e2e, pytest.mark.postgres, pytest.mark.timeout(600)]
ST = Path(sys.executable).with_name("st")
CONFIG = Path(__file__).with_name("schemathesis.toml")
APP_URL = "http://app.test"
LINK = re.compile(r"http://app\.test/auth/verify\?token=([A-Za-z0-9_\-]+)")
PLANS = ('[{"id": "fuzz", "name": "Fuzz", "credits": 1000, "amount": 900, "currency": "eur", '
         '"stripe_price_id": "price_fuzz"}]')
# About five minutes in all, with the server's start; FUZZ_SECONDS scales it for a quick look.
SCALE = float(os.environ.get("FUZZ_SECONDS", "180")) / 180
USER_S, ADMIN_S = max(10, int(180 * SCALE)), max(10, int(90 * SCALE))
GENEROUS = "1000000/minute"


@pytest.fixture
def service(own_database: str, tmp_path: Path) -> Iterator[tuple[Served, Path]]:
    stripe = StripeBillingTestServer(prices={"price_fuzz": 900})
    stripe.start()
    mail = tmp_path / "mail"
    env = tesigo_env(
        ENVIRONMENT="development", DATABASE_URL=own_database, APP_URL=APP_URL,
        MAIL_DIR=str(mail), STORAGE_DIR=str(tmp_path / "storage"), LOG_FORMAT="json",
        ADMIN_EMAILS="boss@example.com", ALLOWED_HOSTS="127.0.0.1,localhost",
        STRIPE_SECRET_KEY="sk_test_fuzz", STRIPE_WEBHOOK_SECRET="whsec_fuzz_0123456789",
        STRIPE_API_BASE=stripe.base_url, SUBSCRIPTION_PLANS=PLANS,
        # the fuzzer is one client sending thousands of requests: no limit may stop it
        RATE_LIMIT_API=GENEROUS, RATE_LIMIT_SIGNIN=GENEROUS, RATE_LIMIT_MAGIC_LINK=GENEROUS,
        SIGNIN_LOCKOUT_AFTER="1000", SIGNIN_LOCKOUT_S="1",
        SIGNUP_CREDITS="1000000000", DAILY_TOKEN_LIMIT="1000000000",
        GLOBAL_DAILY_TOKEN_LIMIT="100000000000", ACCESS_TOKEN_TTL_S="3600")
    try:
        with serving(env, tmp_path) as served:
            yield served, mail
    finally:
        stripe.stop()


def access_token(served: Served, mail: Path, email: str) -> str:
    """Signs in by the e-mail link, read from the development mailer's files."""
    before = set(mail.glob("*.eml")) if mail.exists() else set()
    with httpx.Client(base_url=served.url, timeout=10) as client:
        assert client.post("/api/v1/auth/magic-link", json={"email": email}).status_code == 202
        deadline = time.monotonic() + 15
        while not (new := set(mail.glob("*.eml")) - before) and time.monotonic() < deadline:
            time.sleep(0.1)
        [path] = new
        message = message_from_bytes(path.read_bytes(), policy=default)
        text = message.get_body(preferencelist=("plain",)).get_content()  # type: ignore[union-attr]
        token = LINK.search(text).group(1)  # type: ignore[union-attr]
        pair = client.post("/api/v1/auth/verify-magic-link", json={"token": token})
        assert pair.status_code == 200, pair.text
        return pair.json()["access_token"]


def fuzz(served: Served, token: str, seconds: int, report: Path) -> subprocess.CompletedProcess:
    # One worker: hypothesis describes strategies by parsing source, and CPython 3.11's
    # parser is not safe across threads ("AST constructor recursion depth mismatch").
    command = [str(ST), "--config-file", str(CONFIG), "run", f"{served.url}/schema/openapi.json",
               "--checks", "all", "--phases", "examples,coverage,fuzzing,stateful",
               "--max-time", str(seconds), "--workers", "1", "--seed", "10",
               "--header", f"Authorization: Bearer {token}", "--request-timeout", "150",
               "--report", "junit", "--report-dir", str(report), "--no-color"]
    return subprocess.run(command, capture_output=True, text=True, timeout=seconds + 240,
                          check=False, cwd=report.parent)  # its example store stays there


def summary(run: subprocess.CompletedProcess) -> str:
    out = run.stdout + run.stderr
    return out[-12000:]


def test_schemathesis_finds_nothing(service, tmp_path) -> None:
    served, mail = service
    user, admin = access_token(served, mail, "ada@example.com"), access_token(
        served, mail, "boss@example.com")
    as_user = fuzz(served, user, USER_S, tmp_path / "user")
    as_admin = fuzz(served, admin, ADMIN_S, tmp_path / "admin")
    for run in (as_user, as_admin):  # the figures, for the CI log (`pytest -s` shows them)
        print(summary(run)[-1500:])
    assert as_user.returncode == 0, summary(as_user)
    assert as_admin.returncode == 0, summary(as_admin)
    assert "Traceback" not in served.log_path.read_text()
