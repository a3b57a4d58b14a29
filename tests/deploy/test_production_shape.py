"""The production shape: docker-compose.yml validates (with and without the `tls` profile)
with every secret taken from .env (deploy/compose.env.example shows which), the app's
services are given only settings the service reads, and the image is built in stages and
runs as a user without privileges, with a health check."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from entrypoints.config import Settings

ROOT = Path(__file__).parents[2]
COMPOSE = ROOT / "docker-compose.yml"
APP_SERVICES = ("migrate", "api", "worker")
SECRETS = ("PASSWORD", "SECRET", "TOKEN", "KEY")


def compose(*args: str) -> subprocess.CompletedProcess[str]:
    tool = shutil.which("docker-compose")
    if tool is None:
        if os.environ.get("CI") == "true":
            pytest.fail("CI needs Debian's docker-compose package")
        pytest.skip("docker-compose is not installed")
    env_file = ROOT / "deploy" / "compose.env.example"
    return subprocess.run([tool, "--env-file", str(env_file), "-f", str(COMPOSE), *args],
                          check=False, capture_output=True, text=True, timeout=60, cwd=ROOT)


@pytest.mark.parametrize("profile", [[], ["--profile", "tls"]])
def test_the_compose_file_is_valid(profile: list[str]) -> None:
    checked = compose(*profile, "config", "-q")
    assert checked.returncode == 0, checked.stderr


def test_the_tls_profile_puts_traefik_in_front_and_redirects_to_https() -> None:
    rendered = yaml.safe_load(compose("--profile", "tls", "config").stdout)
    traefik = " ".join(rendered["services"]["traefik"]["command"])
    assert "redirections.entrypoint.scheme=https" in traefik and "acme" in traefik
    labels = rendered["services"]["api"]["labels"]
    assert labels["traefik.http.middlewares.tesigo-hsts.headers.stsSeconds"] == "63072000"
    assert rendered["services"]["traefik"]["profiles"] == ["tls"]  # only with --profile tls


def test_no_secret_is_written_in_the_compose_file() -> None:
    for line in COMPOSE.read_text().splitlines():
        name, _, value = line.strip().partition(":")
        if any(word in name.upper() for word in SECRETS) and value.strip():
            assert "${" in value, f"a secret written out: {line.strip()}"
    assert ".env" in (ROOT / ".gitignore").read_text().split()


def test_the_database_is_reachable_only_inside() -> None:
    rendered = yaml.safe_load(compose("config").stdout)
    assert rendered["networks"]["internal"]["internal"] is True
    assert rendered["services"]["db"]["networks"] == {"internal": None} or \
        list(rendered["services"]["db"]["networks"]) == ["internal"]
    assert "ports" not in rendered["services"]["db"]


def test_the_app_is_given_only_settings_it_reads() -> None:
    known = {name.upper() for name in Settings.__struct_fields__}
    rendered = yaml.safe_load(compose("config").stdout)
    for service in APP_SERVICES:
        unknown = set(rendered["services"][service]["environment"]) - known
        assert not unknown, f"{service}: {sorted(unknown)}"


def test_the_image_is_built_in_stages_and_runs_unprivileged_with_a_health_check() -> None:
    dockerfile = (ROOT / "Dockerfile").read_text()
    stages = re.findall(r"^FROM \S+ AS (\w+)$", dockerfile, flags=re.MULTILINE)
    assert len(stages) >= 2 and "COPY --from=build" in dockerfile
    users = re.findall(r"^USER (\S+)$", dockerfile, flags=re.MULTILINE)
    assert users and users[-1].split(":")[0] not in ("root", "0")
    assert re.search(r"^HEALTHCHECK .*\n?.*/health", dockerfile, flags=re.MULTILINE)
