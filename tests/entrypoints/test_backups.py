"""`back_up` and `restore` on SQLite and a storage directory: a round trip that brings back
the database and exactly the stored files, and the refusals that change nothing."""

import sqlite3
import tarfile
from pathlib import Path

import pytest

from adapters.backups.errors import BackupError
from adapters.backups.schema import head
from adapters.sql.migrate import migrate_url
from entrypoints.backups import back_up, restore
from entrypoints.config import Settings


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    url = f"sqlite:///{tmp_path / 'var' / 'tesigo.db'}"
    migrate_url(url)
    with sqlite3.connect(tmp_path / "var" / "tesigo.db") as db:
        db.execute("INSERT INTO quota_days (day, used, reserved) VALUES ('2026-12-02', 7, 0)")
    storage = tmp_path / "var" / "storage"
    (storage / "exports" / "u1" / "d1" / "4").mkdir(parents=True)
    (storage / "exports" / "u1" / "d1" / "4" / "pdf").write_bytes(b"%PDF the export")
    (storage / "exports" / "u1" / "d1" / "4" / "pdf.x~partial").write_bytes(b"in flight")
    return Settings(database_url=url, storage_dir=str(storage))


def used(settings: Settings) -> list[tuple[str, int]]:
    with sqlite3.connect(settings.database_url.removeprefix("sqlite:///")) as db:
        return db.execute("SELECT day, used FROM quota_days").fetchall()


async def test_a_round_trip_brings_back_the_database_and_exactly_the_files(
        settings, tmp_path) -> None:
    archive = tmp_path / "backups" / "nightly.tar"
    manifest = await back_up(settings, archive)
    assert manifest.database == "sqlite" and manifest.schema_revision == head()
    assert manifest.storage_keys == ["exports/u1/d1/4/pdf"]
    assert {"tesigo", "python", "sqlite"} <= set(manifest.versions)
    with tarfile.open(archive) as tar:
        assert tar.getnames() == ["database.sqlite3", "storage/exports/u1/d1/4/pdf",
                                  "manifest.json"]

    storage = Path(settings.storage_dir)
    with sqlite3.connect(settings.database_url.removeprefix("sqlite:///")) as db:
        db.execute("UPDATE quota_days SET used = 99")
    (storage / "exports" / "u1" / "d1" / "4" / "pdf").unlink()
    (storage / "exports" / "u1" / "d1" / "5").mkdir()
    (storage / "exports" / "u1" / "d1" / "5" / "pdf").write_bytes(b"written after the backup")

    restored = await restore(settings, archive)
    assert used(settings) == [("2026-12-02", 7)]
    assert (storage / "exports" / "u1" / "d1" / "4" / "pdf").read_bytes() == b"%PDF the export"
    assert not (storage / "exports" / "u1" / "d1" / "5").exists()
    assert (storage / "exports" / "u1" / "d1" / "4" / "pdf.x~partial").exists()
    assert restored.blobs_removed == 1 and not restored.needs_migrate
    assert not list(storage.parent.glob(".tesigo-*"))  # the staging folder is gone


async def test_a_damaged_archive_changes_nothing(settings, tmp_path) -> None:
    archive = tmp_path / "nightly.tar"
    await back_up(settings, archive)
    data = bytearray(archive.read_bytes())
    data[2000] ^= 0xFF  # inside the database copy
    archive.write_bytes(bytes(data))
    with sqlite3.connect(settings.database_url.removeprefix("sqlite:///")) as db:
        db.execute("UPDATE quota_days SET used = 99")
    with pytest.raises(BackupError, match="checksums"):
        await restore(settings, archive)
    assert used(settings) == [("2026-12-02", 99)]


async def test_refusals(settings, tmp_path) -> None:
    archive = tmp_path / "nightly.tar"
    await back_up(settings, archive)
    with pytest.raises(BackupError, match="never overwrites"):
        await back_up(settings, archive)
    with pytest.raises(BackupError, match="no backup archive"):
        await restore(settings, tmp_path / "missing.tar")
    postgres = Settings(database_url="postgresql://postgres@127.0.0.1:1/x",
                        storage_dir=settings.storage_dir)
    with pytest.raises(BackupError, match="holds a sqlite database; DATABASE_URL is postgresql"):
        await restore(postgres, archive)
    missing = Settings(database_url=f"sqlite:///{tmp_path / 'none.db'}")
    with pytest.raises(BackupError, match="no SQLite database"):
        await back_up(missing, tmp_path / "other.tar")
    assert not (tmp_path / "none.db").exists()
