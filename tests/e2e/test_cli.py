"""The `tesigo` command as an operator meets it."""

import pytest
from tests.e2e.processes import run_tesigo, tesigo_env

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
