"""The `tesigo` command: serve, worker, migrate, create-admin, backup, restore, seed-demo."""

from __future__ import annotations

import asyncio
import gc
import signal
import sys
from pathlib import Path

import click
import structlog

from entrypoints.config import ConfigError, Environment, Settings, load_settings
from entrypoints.logging import configure_logging

log = structlog.get_logger("tesigo")


def _settings() -> Settings:
    try:
        settings = load_settings()
    except ConfigError as error:
        click.echo(f"tesigo: configuration refused: {error}", err=True)
        sys.exit(2)
    configure_logging(json=settings.json_logs, level=settings.log_level,
                      development=settings.environment is Environment.DEVELOPMENT)
    return settings


def _migrate(settings: Settings) -> None:
    from adapters.sql.migrate import migrate_url

    migrate_url(settings.database_url)


@click.group()
def main() -> None:
    """TesiGo: AI-assisted academic writing."""


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
@click.option("--no-worker", is_flag=True, help="Leave jobs and e-mail to `tesigo worker`.")
def serve(host: str, port: int, no_worker: bool) -> None:
    """Run the HTTP API (with an embedded worker unless --no-worker)."""
    settings = _settings()
    # Said before the imports below, which take seconds: the operator sees at once that the
    # command runs (and, in production, a JSON line like the rest).
    log.info("starting", host=host, port=port, environment=settings.environment.value)
    import uvicorn

    from entrypoints.bounded_http import BoundedHttpToolsProtocol
    from entrypoints.error_tracking import init_error_tracking
    from entrypoints.server import build_app

    if settings.uses_sqlite:
        _migrate(settings)
    init_error_tracking(settings)  # before build_app: Sentry hooks into building the app
    app = build_app(settings, embedded_worker=not no_worker)
    log.info("serving", host=host, port=port, environment=settings.environment.value,
             database=settings.database_url.split("://")[0], worker=not no_worker)
    # Everything imported and built so far lives as long as the process: moved out of the
    # collector's reach, full collections stop rescanning it (p99 of a read ≈ 200 → 70 ms).
    gc.freeze()
    # proxy_headers off: uvicorn would believe X-Forwarded-For from any loopback peer;
    # the app believes it only from TRUSTED_PROXIES (entrypoints/http/client_address.py).
    # http: httptools with a bounded request head (431 past it; entrypoints/bounded_http.py).
    uvicorn.run(app, host=host, port=port, log_config=None, access_log=False,
                proxy_headers=False, server_header=False, http=BoundedHttpToolsProtocol)


@main.command()
def worker() -> None:
    """Run the background worker until SIGTERM or SIGINT."""
    from entrypoints.error_tracking import init_error_tracking, watch_tasks
    from entrypoints.ioc import make_container
    from entrypoints.worker.build import build_worker

    settings = _settings()
    init_error_tracking(settings)

    async def run() -> None:
        await watch_tasks()
        container = make_container(settings)
        runner = build_worker(container, settings, serve_metrics=True)
        loop = asyncio.get_running_loop()
        for signum in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(signum, runner.stop)
        try:
            await runner.run()
        finally:
            await container.close()

    asyncio.run(run())


@main.command()
def migrate() -> None:
    """Bring the database schema up to date."""
    settings = _settings()
    _migrate(settings)
    click.echo("database is up to date")


@main.command("create-admin")
@click.argument("email")
def create_admin(email: str) -> None:
    """Make EMAIL an administrator (creating the account if needed)."""
    from application.admin.create_admin import CreateAdmin
    from domain.errors import DomainError
    from entrypoints.ioc import make_container

    settings = _settings()

    async def run() -> str:
        container = make_container(settings)
        try:
            async with container() as scope:
                user = await (await scope.get(CreateAdmin))(email)
                return str(user.id)
        finally:
            await container.close()

    try:
        user_id = asyncio.run(run())
    except DomainError as error:
        click.echo(f"tesigo: {error.message}", err=True)
        sys.exit(2)
    click.echo(f"{email.strip().lower()} is an administrator (user {user_id})")


# Backups with a restore drill (issue 14): the logic is in entrypoints/backups.py.
@main.command()
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
def backup(path: Path) -> None:
    """Write a backup archive of the database and stored files to PATH (a new file)."""
    from entrypoints.backups import BackupError, back_up

    settings = _settings()
    try:
        manifest = asyncio.run(back_up(settings, path))
    except BackupError as error:
        click.echo(f"tesigo: backup failed: {error}", err=True)
        sys.exit(2)
    blobs = (f"{len(manifest.storage_keys)} stored file(s)" if manifest.storage_included
             else "no stored files (they are in the STORAGE_URL bucket: back it up there)")
    click.echo(f"backup written to {path}: {manifest.database} database at schema revision "
               f"{manifest.schema_revision}, {blobs}")


@main.command()
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
def restore(path: Path) -> None:
    """Restore the database and stored files from the backup archive at PATH (stop the
    service first)."""
    from entrypoints.backups import BackupError
    from entrypoints.backups import restore as restore_backup

    settings = _settings()
    try:
        restored = asyncio.run(restore_backup(settings, path))
    except BackupError as error:
        click.echo(f"tesigo: restore refused: {error}", err=True)
        sys.exit(2)
    manifest = restored.manifest
    click.echo(f"restored the backup of {manifest.created_at.isoformat()} from {path}: "
               f"{manifest.database} database at schema revision {manifest.schema_revision}"
               f"{' (database created)' if restored.database_created else ''}, "
               f"{len(manifest.storage_keys)} stored file(s), "
               f"{restored.blobs_removed} newer file(s) removed")
    if restored.needs_migrate:
        click.echo("the schema is older than this version: run `tesigo migrate`")


# Demo data (issue 14, item 7): the logic is in entrypoints/demo/.
@main.command("seed-demo")
@click.option("--users", default=5, show_default=True, type=click.IntRange(0, 1000))
@click.option("--documents", default=10, show_default=True, type=click.IntRange(0, 5000))
@click.option("--payments", is_flag=True, help="Also checkouts, paid and refunded.")
@click.option("--reset", is_flag=True, help="Delete the earlier demo accounts first.")
@click.option("--seed", default=1, show_default=True, type=int, help="Picks the demo data.")
@click.option("--allow-production", is_flag=True, help="Seed even when ENVIRONMENT=production.")
def seed_demo(users: int, documents: int, payments: bool, reset: bool, seed: int,
              allow_production: bool) -> None:
    """Fill the database with demo accounts (under demo.example.org) and their documents."""
    from domain.errors import DomainError
    from entrypoints.demo.seed import seed_demo as seed_demo_data

    settings = _settings()
    if settings.is_production and not allow_production:
        click.echo("tesigo: refusing to seed demo data in production (--allow-production)",
                   err=True)
        sys.exit(2)
    if documents and not users:
        click.echo("tesigo: demo documents need at least one demo user (--users)", err=True)
        sys.exit(2)
    if settings.uses_sqlite:
        _migrate(settings)
    try:
        report = asyncio.run(seed_demo_data(settings, users=users, documents=documents,
                                            payments=payments, reset=reset, seed=seed))
    except DomainError as error:
        click.echo(f"tesigo: seeding demo data failed: {error.message}", err=True)
        sys.exit(1)
    except TimeoutError:
        click.echo("tesigo: the demo's generation jobs did not end in time; they stay "
                   "queued for the worker", err=True)
        sys.exit(1)
    for line in report.lines():
        click.echo(line)
    if report.jobs_failed:
        sys.exit(1)


if __name__ == "__main__":
    main()
