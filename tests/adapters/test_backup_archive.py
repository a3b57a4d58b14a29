"""The backup archive: what a restore accepts is exactly what the manifest lists."""

import io
import tarfile
from datetime import UTC, datetime
from pathlib import Path

import pytest

from adapters.backups.archive import unpack, write_archive
from adapters.backups.errors import BackupError
from adapters.backups.manifest import FORMAT, MANIFEST, Entry, Manifest, encode

DUMP = b"PGDMP" + bytes(range(256)) * 40


def manifest_of(entries: tuple[Entry, ...]) -> Manifest:
    return Manifest(format=FORMAT, created_at=datetime(2026, 12, 2, tzinfo=UTC),
                    database="postgresql", schema_revision="0009", versions={"tesigo": "t"},
                    storage_included=True, files=entries)


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    (tmp_path / "in").mkdir()
    dump = tmp_path / "in" / "dump"
    dump.write_bytes(DUMP)
    blob = tmp_path / "in" / "blob"
    blob.write_bytes(b"%PDF-1.7 an export")
    target = tmp_path / "backup.tar"
    write_archive(target, [("database.pgdump", dump), ("storage/exports/u/d/3/pdf", blob),
                           ("storage/exports/gone", tmp_path / "in" / "deleted-meanwhile")],
                  manifest_of)
    return target


def rewritten(source: Path, target: Path, change) -> Path:
    """A copy of the archive at `source` with `change(name, data)` applied to each member
    (returning None drops the member; a list of pairs replaces it)."""
    with tarfile.open(source) as old, tarfile.open(target, "w") as new:
        for member in old:
            data = old.extractfile(member).read()  # type: ignore[union-attr]
            result = change(member.name, data)
            pairs = [] if result is None else result if isinstance(result, list) else [
                (member.name, result)]
            for name, content in pairs:
                info = tarfile.TarInfo(name)
                info.size = len(content)
                new.addfile(info, io.BytesIO(content))
    return target


def test_unpacks_what_it_wrote_and_leaves_out_a_vanished_blob(archive, tmp_path) -> None:
    staging = tmp_path / "staging"
    manifest = unpack(archive, staging)
    assert [e.path for e in manifest.files] == ["database.pgdump", "storage/exports/u/d/3/pdf"]
    assert manifest.storage_keys == ["exports/u/d/3/pdf"]
    assert (staging / "database.pgdump").read_bytes() == DUMP
    assert (staging / "storage/exports/u/d/3/pdf").read_bytes() == b"%PDF-1.7 an export"
    assert not list(tmp_path.glob(".backup.tar.*"))  # no partial file left beside it
    assert archive.stat().st_mode & 0o777 == 0o600  # it holds every user's data


def test_never_overwrites_a_backup(archive) -> None:
    with pytest.raises(BackupError, match="never overwrites"):
        write_archive(archive, [], manifest_of)


def flip_a_byte(name: str, data: bytes) -> bytes:
    return data[:100] + bytes([data[100] ^ 1]) + data[101:] if name == "database.pgdump" else data


@pytest.mark.parametrize(("change", "refusal"), [
    (flip_a_byte, "do not match their checksums"),
    (lambda name, data: data + b"x" if name.startswith("storage/") else data, "checksums"),
    (lambda name, data: None if name.startswith("storage/") else data, "lacks 1 file"),
    (lambda name, data: None if name == MANIFEST else data, "holds no manifest"),
    (lambda name, data: b"{not json" if name == MANIFEST else data, "manifest is damaged"),
    (lambda name, data: data.replace(FORMAT.encode(), b"tesigo-backup/9")
     if name == MANIFEST else data, "format 'tesigo-backup/9'"),
    (lambda name, data: [(name, data), ("storage/extra", b"?")] if name == MANIFEST else data,
     "does not list"),
    (lambda name, data: [(name, data), ("../../etc/cron.d/x", b"?")]
     if name == MANIFEST else data, "which no TesiGo backup holds"),
    (lambda name, data: [(name, data), (name, data)] if name == "database.pgdump" else data,
     "twice"),
])
def test_a_tampered_archive_is_refused(archive, tmp_path, change, refusal) -> None:
    tampered = rewritten(archive, tmp_path / "tampered.tar", change)
    with pytest.raises(BackupError, match=refusal):
        unpack(tampered, tmp_path / "staging")
    assert not (tmp_path.parent / "etc").exists()


def test_a_truncated_or_foreign_file_is_refused(archive, tmp_path) -> None:
    truncated = tmp_path / "truncated.tar"
    truncated.write_bytes(archive.read_bytes()[:3000])
    with pytest.raises(BackupError, match=r"not a readable backup archive|lacks|no manifest"):
        unpack(truncated, tmp_path / "staging-1")
    foreign = tmp_path / "foreign.tar"
    foreign.write_bytes(b"this is no tar file at all" * 100)
    with pytest.raises(BackupError, match="not a readable backup archive"):
        unpack(foreign, tmp_path / "staging-2")


def test_a_link_member_is_refused(archive, tmp_path) -> None:
    linked = tmp_path / "linked.tar"
    with tarfile.open(linked, "w") as tar:
        info = tarfile.TarInfo("storage/exports/x")
        info.type, info.linkname = tarfile.SYMTYPE, "/etc/passwd"
        tar.addfile(info)
        data = encode(manifest_of(()))
        manifest = tarfile.TarInfo(MANIFEST)
        manifest.size = len(data)
        tar.addfile(manifest, io.BytesIO(data))
    with pytest.raises(BackupError, match="not a plain file"):
        unpack(linked, tmp_path / "staging")
