"""The real `tesigo serve` in production on PostgreSQL: an admin reaches the admin API only
after passing the second factor, keeps it across a refresh, and the TOTP secret is stored
encrypted with TOTP_ENCRYPTION_KEY."""

import asyncio
from collections.abc import Iterator

import asyncpg
import httpx
import pyotp
import pytest
from cryptography.fernet import Fernet
from tests.e2e.processes import Served, serving, tesigo_env
from tests.e2e.test_serve_on_postgres import sign_in_pair
from tests.smtp_server import SmtpTestServer

pytestmark = [pytest.mark.e2e, pytest.mark.postgres]
KEY = Fernet.generate_key().decode()


@pytest.fixture
def service(own_database: str, tmp_path) -> Iterator[tuple[Served, SmtpTestServer]]:
    smtp = SmtpTestServer()
    smtp.start()
    env = tesigo_env(ENVIRONMENT="production", DATABASE_URL=own_database,
                     SECRET_KEY="e2e-secret-key-0123456789abcdefghijklmnop",
                     SMTP_HOST=smtp.host, SMTP_PORT=str(smtp.port), APP_URL="http://app.test",
                     ALLOWED_HOSTS="127.0.0.1,localhost", ADMIN_EMAILS="boss@example.com",
                     TOTP_ENCRYPTION_KEY=KEY, RATE_LIMIT_SIGNIN="100/minute")
    try:
        with serving(env, tmp_path) as served:
            yield served, smtp
    finally:
        smtp.stop()


def bearer(pair: dict[str, str]) -> dict[str, str]:
    return {"Authorization": f"Bearer {pair['access_token']}"}


async def stored_ciphertexts(url: str) -> list[str]:
    connection = await asyncpg.connect(url)
    try:
        return [row["secret_ciphertext"]
                for row in await connection.fetch("SELECT secret_ciphertext FROM second_factors")]
    finally:
        await connection.close()


def test_an_admin_passes_the_second_factor_on_postgres(service, own_database: str) -> None:
    served, smtp = service
    with httpx.Client(base_url=served.url, timeout=10) as client:
        pair = sign_in_pair(client, smtp, "boss@example.com")
        assert client.get("/api/v1/admin/users", headers=bearer(pair)).status_code == 403

        enrolment = client.post("/api/v1/auth/2fa/enrol", headers=bearer(pair)).json()
        assert enrolment["provisioning_uri"].startswith("otpauth://totp/TesiGo:")
        totp = pyotp.TOTP(enrolment["secret"])
        confirmed = client.post("/api/v1/auth/2fa/confirm", headers=bearer(pair),
                                json={"code": totp.now()})
        assert confirmed.status_code == 200, confirmed.text
        codes = confirmed.json()["recovery_codes"]

        # the code just used may not be used again: a recovery code passes at once
        verified = client.post("/api/v1/auth/2fa/verify", headers=bearer(pair),
                               json={"code": codes[0]})
        assert verified.status_code == 200, verified.text
        admin = verified.json()
        assert client.get("/api/v1/admin/users", headers=bearer(admin)).status_code == 200
        refreshed = client.post("/api/v1/auth/refresh",
                                json={"refresh_token": admin["refresh_token"]}).json()
        assert client.get("/api/v1/admin/audit-log",
                          headers=bearer(refreshed)).status_code == 200
        again = client.post("/api/v1/auth/2fa/verify", headers=bearer(pair),
                            json={"code": codes[0]})
        assert again.status_code == 422
        assert client.get("/api/v1/auth/2fa", headers=bearer(pair)).json() == {
            "enabled": True, "recovery_codes_left": 9}

    [sealed] = asyncio.run(stored_ciphertexts(own_database))
    assert enrolment["secret"] not in sealed
    assert Fernet(KEY.encode()).decrypt(sealed.encode()).decode() == enrolment["secret"]
