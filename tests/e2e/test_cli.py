"""The `tesigo` command as an operator meets it."""

import json

import pytest
from tests.e2e.processes import Served, run_tesigo, tesigo_env

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize(("settings", "named"), [
    ({"SECRET_KEY": "too-short"}, "SECRET_KEY"),
    ({"SMTP_HOST": ""}, "SMTP_HOST"),
    ({"DEBUG": "true"}, "DEBUG"),
    ({"ALLOWED_HOSTS": "*"}, "ALLOWED_HOSTS"),
    ({"CORS_ORIGINS": "*"}, "CORS_ORIGINS"),
])
def test_production_refuses_to_start_unsafely(tmp_path, settings, named) -> None:
    env = tesigo_env(ENVIRONMENT="production", SECRET_KEY="k" * 40, SMTP_HOST="smtp.test",
                     ALLOWED_HOSTS="127.0.0.1", DATABASE_URL=f"sqlite:///{tmp_path}/db.sqlite")
    env.update(settings)
    result = run_tesigo("serve", "--port", "1", env=env, cwd=tmp_path)
    assert result.returncode == 2
    assert named in result.stderr
    assert "Traceback" not in result.stderr


def test_migrate_then_create_admin(tmp_path) -> None:
    env = tesigo_env(DATABASE_URL=f"sqlite:///{tmp_path}/db.sqlite")
    assert run_tesigo("migrate", env=env, cwd=tmp_path).returncode == 0
    made = run_tesigo("create-admin", "Boss@Example.com", env=env, cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    assert "boss@example.com is an administrator" in made.stdout
    again = run_tesigo("create-admin", "boss@example.com", env=env, cwd=tmp_path)
    assert again.returncode == 0
    bad = run_tesigo("create-admin", "not-an-address", env=env, cwd=tmp_path)
    assert bad.returncode == 2
    assert "e-mail" in bad.stderr


def test_serve_says_it_is_starting_before_it_builds_the_app(tmp_path) -> None:
    """The first line comes before the imports and the app's construction (seconds), so an
    operator is not left looking at a silent terminal; `serving` follows once it is built."""
    served = Served(tesigo_env(LOG_FORMAT="json"), tmp_path, "--no-worker")
    try:
        served.wait_until_healthy()
    finally:
        served.stop()
    lines = [line for line in served.log_path.read_text().splitlines() if line.startswith("{")]
    events = [json.loads(line)["event"] for line in lines]
    assert events[0] == "starting"
    assert events.index("starting") < events.index("serving")
    assert json.loads(lines[0])["port"] == served.port
