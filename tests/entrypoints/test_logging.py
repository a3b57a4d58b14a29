import json
import logging

import pytest
import structlog

from entrypoints.logging import configure_logging, redact_text

TOKEN = "qV3n8XyZ_a1b2c3d4e5f6g7h8i9j0kLmNoPqRsTuVwX"


@pytest.fixture(autouse=True)
def restore_logging():
    """configure_logging binds a handler to the captured stdout; put the old set-up back."""
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    yield
    root.handlers[:] = handlers
    root.setLevel(level)
    structlog.reset_defaults()


def test_tokens_in_text_are_masked() -> None:
    text = f"GET /auth/verify?token={TOKEN}&x=1 Authorization: Bearer {TOKEN}"
    redacted = redact_text(text)
    assert TOKEN not in redacted
    assert "token=***" in redacted and "Bearer ***" in redacted


def test_production_logs_are_json_with_secrets_redacted(capsys) -> None:
    configure_logging(json=True, level="INFO")
    log = structlog.get_logger("tesigo.test")
    with structlog.contextvars.bound_contextvars(request_id="req-123"):
        log.info("signed in", refresh_token=TOKEN, link=f"https://x.test/auth/verify?token={TOKEN}",
                 password="hunter2")
    logging.getLogger("other.library").warning("header Bearer %s", TOKEN)
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines() if line.strip()]
    assert lines[0]["request_id"] == "req-123" and lines[0]["event"] == "signed in"
    assert TOKEN not in json.dumps(lines) and "hunter2" not in json.dumps(lines)
    assert lines[0]["refresh_token"] == "***"


def test_development_may_echo_the_sign_in_link_but_nothing_else(capsys) -> None:
    configure_logging(json=True, level="INFO", development=True)
    structlog.get_logger("tesigo.mail").info("sign-in link", link=f"https://x/?token={TOKEN}",
                                             access_token=TOKEN)
    line = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert TOKEN in line["link"]
    assert line["access_token"] == "***"
