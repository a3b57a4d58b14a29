"""The monitoring files under deploy/ hold together: Prometheus accepts its config and rules,
the alerts fire on synthetic series as their unit tests say, every alert points at its
runbook, and every metric an alert or a dashboard panel names is one the service exports."""

from __future__ import annotations

import asyncio
import json
import os
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from litestar.testing import AsyncTestClient
from prometheus_client.parser import text_string_to_metric_families
from tests.memory_container import Fakes, memory_container, settings_for

from application.jobs.policy import JobPolicy
from entrypoints.http.app import create_app
from entrypoints.worker.jobs import JobRunner
from entrypoints.worker.runner import Worker

ROOT = Path(__file__).resolve().parents[2]
PROMETHEUS = ROOT / "deploy" / "prometheus"
DASHBOARD = ROOT / "deploy" / "grafana" / "dashboards" / "tesigo.json"
DATASOURCE = ROOT / "deploy" / "grafana" / "provisioning" / "datasources" / "prometheus.yml"
RUNBOOK = ROOT / "docs" / "operations.md"
TOKEN = "monitoring-test-metrics-token-0123456789"
METRIC = re.compile(r"\btesigo_[A-Za-z0-9_:]*")
SUFFIXES = {"counter": ("_total", "_created"), "histogram": ("_bucket", "_count", "_sum",
                                                             "_created"),
            "summary": ("_count", "_sum", "_created")}


def promtool() -> str:
    """Debian's promtool; a machine without it skips, except CI, which must have it."""
    found = shutil.which("promtool")
    if found:
        return found
    if os.environ.get("CI") == "true":
        pytest.fail("promtool is missing: CI must run these checks (apt-get install "
                    "prometheus)")
    pytest.skip("promtool is not installed")


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True, timeout=60,
                          check=False)


def rules() -> Iterator[dict[str, Any]]:
    for group in yaml.safe_load((PROMETHEUS / "alerts.yml").read_text())["groups"]:
        yield from group["rules"]


def panel_queries() -> list[str]:
    dashboard = json.loads(DASHBOARD.read_text())
    return [target["expr"] for panel in dashboard["panels"] for target in panel["targets"]]


def test_promtool_accepts_the_rules() -> None:
    checked = run(promtool(), "check", "rules", "deploy/prometheus/alerts.yml")
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_promtool_accepts_the_config(tmp_path: Path) -> None:
    syntax = run(promtool(), "check", "config", "--syntax-only",
                 "deploy/prometheus/prometheus.yml")
    assert syntax.returncode == 0, syntax.stdout + syntax.stderr
    # The full check also opens the files the config names: the rules and the token file
    # (which only a deployment has), so it runs on a copy beside a stand-in token.
    for name in ("prometheus.yml", "alerts.yml"):
        shutil.copy(PROMETHEUS / name, tmp_path / name)
    (tmp_path / "secrets").mkdir()
    (tmp_path / "secrets" / "metrics_token").write_text(TOKEN)
    checked = run(promtool(), "check", "config", "prometheus.yml", cwd=tmp_path)
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_the_alerts_fire_on_synthetic_series() -> None:
    tested = run(promtool(), "test", "rules", "deploy/prometheus/alerts_test.yml")
    assert tested.returncode == 0, tested.stdout + tested.stderr


def test_alertmanager_accepts_its_config(tmp_path: Path) -> None:
    """With amtool where it is installed (Debian's `prometheus-alertmanager`; not required).
    Debian's 0.25 predates the Telegram `bot_token_file` of 0.26, which the compose image
    has; for it that one line stands as an inline placeholder."""
    amtool = shutil.which("amtool")
    if amtool is None:
        pytest.skip("amtool is not installed")
    config = (ROOT / "deploy" / "alertmanager" / "alertmanager.yml").read_text()
    answer = run(amtool, "--version")
    version = re.search(r"version (\d+)\.(\d+)", answer.stdout + answer.stderr)
    if version and (int(version[1]), int(version[2])) < (0, 26):
        config = re.sub(r"bot_token_file: .*", 'bot_token: "placeholder"', config)
    (tmp_path / "alertmanager.yml").write_text(config)
    checked = run(amtool, "check-config", "alertmanager.yml", cwd=tmp_path)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    routed = run(amtool, "config", "routes", "test", "--config.file=alertmanager.yml",
                 "severity=critical", "alertname=TesiGoHighErrorRate", cwd=tmp_path)
    assert routed.stdout.split() == ["ops-email"], routed.stdout + routed.stderr


def test_every_alert_says_what_happened_and_links_its_runbook() -> None:
    anchors = {re.sub(r"[^a-z0-9-]", "", line[4:].strip().lower().replace(" ", "-"))
               for line in RUNBOOK.read_text().splitlines() if line.startswith("### ")}
    for rule in rules():
        annotations = rule["annotations"]
        assert annotations["summary"] and annotations["description"], rule["alert"]
        page, _, anchor = annotations["runbook"].partition("#")
        assert page == "docs/operations.md", rule["alert"]
        assert anchor == rule["alert"].lower() and anchor in anchors, rule["alert"]


def test_every_panel_reads_the_provisioned_data_source() -> None:
    [source] = yaml.safe_load(DATASOURCE.read_text())["datasources"]
    dashboard = json.loads(DASHBOARD.read_text())
    for panel in dashboard["panels"]:
        assert panel["datasource"]["uid"] == source["uid"], panel["title"]
        assert panel["targets"], panel["title"]


async def exposition() -> str:
    """/metrics of an app on the in-memory container after some traffic: a sign-in (and
    its e-mail), a document, a generation job run to the end by the worker, a
    housekeeping round, one request that fails validation; no 5xx."""
    fakes = Fakes()
    settings = settings_for(metrics_token=TOKEN)
    container = memory_container(fakes, settings)
    worker = Worker(container)
    runner = JobRunner(container, worker="monitoring", concurrency=1,
                       policy=JobPolicy(lease_s=5), poll_s=0.05, grace_s=1)
    try:
        async with AsyncTestClient(app=create_app(container, settings),
                                   base_url="http://testserver.local") as client:
            auth = await signed_in(client, fakes, worker)
            document = await client.post("/api/v1/documents", headers=auth, json={
                "title": "Bridges", "topic": "Suspension bridges", "kind": "essay",
                "language": "en", "target_words": 1500, "citation_style": "apa"})
            assert document.status_code == 201, document.text
            job = await client.post(f"/api/v1/documents/{document.json()['id']}/generate",
                                    headers=auth)
            assert job.status_code in (200, 201, 202), job.text
            await run_until_done(client, runner, auth, job.json()["id"])
            assert (await client.post("/api/v1/documents", headers=auth, json={})
                    ).status_code == 422
            await worker.keep_house()
            response = await client.get("/metrics",
                                        headers={"Authorization": f"Bearer {TOKEN}"})
            assert response.status_code == 200
            return response.text
    finally:
        await container.close()


async def signed_in(client: AsyncTestClient[Any], fakes: Fakes,
                    worker: Worker) -> dict[str, str]:
    asked = await client.post("/api/v1/auth/magic-link", json={"email": "ada@example.com"})
    assert asked.status_code == 202, asked.text
    await worker.deliver_mail()
    token = re.search(r"token=([A-Za-z0-9_\-]+)", fakes.mailer.sent[-1].text)
    assert token
    verified = await client.post("/api/v1/auth/verify-magic-link",
                                 json={"token": token.group(1)})
    assert verified.status_code == 200, verified.text
    return {"Authorization": f"Bearer {verified.json()['access_token']}"}


async def run_until_done(client: AsyncTestClient[Any], runner: JobRunner,
                         auth: dict[str, str], job_id: str) -> None:
    task = asyncio.create_task(runner.run())
    try:
        async with asyncio.timeout(60):
            while (await client.get(f"/api/v1/jobs/{job_id}", headers=auth)
                   ).json()["state"] != "succeeded":
                await asyncio.sleep(0.05)
    finally:
        runner.stop()
        await task


def exported(text: str) -> set[str]:
    """Every series name the exposition offers: a counter or histogram by its suffixed
    names only (`<name>_total`, `<name>_bucket`, even before its first sample), any other
    family by its own name."""
    names: set[str] = set()
    for family in text_string_to_metric_families(text):
        suffixes = SUFFIXES.get(family.type)
        names.update(sample.name for sample in family.samples)
        names.update([family.name + suffix for suffix in suffixes] if suffixes
                     else [family.name])
    return names


async def test_alerts_and_panels_name_only_exported_metrics() -> None:
    offered = exported(await exposition())
    assert {"tesigo_requests_total", "tesigo_request_duration_seconds_bucket",
            "tesigo_job_attempts_total", "tesigo_email_outbox_pending"} <= offered
    assert "tesigo_requests" not in offered  # a counter is read by its _total series
    named = {(query, name) for query in [*(rule["expr"] for rule in rules()),
                                         *panel_queries()]
             for name in METRIC.findall(query)}
    assert named, "no tesigo_ metric found in the rules and panels"
    unknown = sorted({name for _, name in named if name not in offered})
    assert unknown == [], f"named but not exported: {unknown}"
