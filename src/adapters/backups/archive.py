"""Writing a backup archive (a plain tar file) and unpacking it with every check made.

The archive is written beside its target under a temporary name and renamed into place
once complete, so a backup that stopped half-way never looks like one. Unpacking reads
member by member into a staging folder, hashing as it goes; nothing is extracted by
tarfile itself, so no member can land outside the staging folder.
"""

import contextlib
import os
import tarfile
import tempfile
import time
from collections.abc import Callable, Iterable
from io import BytesIO
from pathlib import Path
from typing import IO

from adapters.backups.errors import BackupError
from adapters.backups.manifest import (
    MANIFEST,
    MAX_MANIFEST_BYTES,
    POSTGRES_DUMP,
    SQLITE_COPY,
    STORAGE,
    Entry,
    Hashing,
    Manifest,
    decode,
    encode,
)
from adapters.storage.keys import check_key

_CHUNK = 1024 * 1024


def write_archive(target: Path, members: Iterable[tuple[str, Path]],
                  manifest_of: Callable[[tuple[Entry, ...]], Manifest]) -> Manifest:
    """Write `members` (archive name, file) and then the manifest `manifest_of` makes from
    their entries into a new archive at `target`. A member file that vanished before it
    was opened (a blob deleted meanwhile) is left out; one that cannot be read fails."""
    if target.exists():
        raise BackupError(f"{target} exists; a backup never overwrites one, choose a new name")
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, partial = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".partial")
    try:
        with os.fdopen(fd, "wb") as raw:
            with tarfile.open(fileobj=raw, mode="w", format=tarfile.PAX_FORMAT) as tar:
                entries = tuple(_add_all(tar, members))
                manifest = manifest_of(entries)
                _add_bytes(tar, MANIFEST, encode(manifest))
            raw.flush()
            os.fsync(raw.fileno())
        os.replace(partial, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(partial)
        raise
    return manifest


def _add_all(tar: tarfile.TarFile, members: Iterable[tuple[str, Path]]) -> Iterable[Entry]:
    for name, path in members:
        try:
            file = path.open("rb")
        except FileNotFoundError:
            if name.startswith(STORAGE):
                continue
            raise
        with file:
            # The size of the open file: a blob replaced meanwhile is renamed over, so the
            # file opened keeps its own content and size.
            info = _info(name, os.fstat(file.fileno()).st_size)
            hashing = Hashing(file)
            tar.addfile(info, hashing)
            yield hashing.entry(name)


def _add_bytes(tar: tarfile.TarFile, name: str, data: bytes) -> None:
    tar.addfile(_info(name, len(data)), BytesIO(data))


def _info(name: str, size: int) -> tarfile.TarInfo:
    info = tarfile.TarInfo(name)
    info.size, info.mode, info.mtime = size, 0o600, int(time.time())
    return info


def unpack(source: Path, staging: Path) -> Manifest:
    """Unpack the archive at `source` into `staging` and return its manifest, once every
    member is known to be exactly what the manifest lists; BackupError otherwise."""
    found: dict[str, Entry] = {}
    manifest_bytes: bytes | None = None
    try:
        with tarfile.open(source, mode="r:") as tar:
            for member in tar:
                name = _checked_name(member)
                if name in found or (name == MANIFEST and manifest_bytes is not None):
                    raise BackupError(f"the archive holds {name!r} twice")
                extracted = tar.extractfile(member)
                if extracted is None:  # pragma: no cover - regular files always have content
                    raise BackupError(f"the archive's member {name!r} cannot be read")
                with extracted:
                    if name == MANIFEST:
                        manifest_bytes = extracted.read(MAX_MANIFEST_BYTES + 1)
                    else:
                        found[name] = _stage(extracted, name, staging)
    except (tarfile.TarError, EOFError) as error:
        raise BackupError(f"{source} is not a readable backup archive: {error}") from None
    except OSError as error:
        raise BackupError(f"{source} could not be unpacked into {staging}: {error}") from None
    if manifest_bytes is None or len(manifest_bytes) > MAX_MANIFEST_BYTES:
        raise BackupError(f"{source} holds no manifest; it is not a TesiGo backup")
    manifest = decode(manifest_bytes)
    _compare(manifest, found)
    return manifest


def _checked_name(member: tarfile.TarInfo) -> str:
    name = member.name
    if not member.isfile():
        raise BackupError(f"the archive's member {name!r} is not a plain file")
    if name in (MANIFEST, POSTGRES_DUMP, SQLITE_COPY):
        return name
    if name.startswith(STORAGE):
        try:
            check_key(name.removeprefix(STORAGE))
        except ValueError:
            pass
        else:
            return name
    raise BackupError(f"the archive holds {name!r}, which no TesiGo backup holds")


def _stage(file: IO[bytes], name: str, staging: Path) -> Entry:
    target = staging.joinpath(*name.split("/"))
    target.parent.mkdir(parents=True, exist_ok=True)
    hashing = Hashing(file)
    with target.open("wb") as out:
        while chunk := hashing.read(_CHUNK):
            out.write(chunk)
    return hashing.entry(name)


def _compare(manifest: Manifest, found: dict[str, Entry]) -> None:
    listed = {entry.path: entry for entry in manifest.files}
    missing = sorted(set(listed) - set(found))
    extra = sorted(set(found) - set(listed))
    if missing:
        raise BackupError(f"the archive lacks {len(missing)} file(s) its manifest lists, "
                          f"e.g. {missing[0]!r}")
    if extra:
        raise BackupError(f"the archive holds {len(extra)} file(s) its manifest does not "
                          f"list, e.g. {extra[0]!r}")
    damaged = sorted(name for name, entry in found.items() if entry != listed[name])
    if damaged:
        raise BackupError(f"{len(damaged)} file(s) in the archive do not match their "
                          f"checksums, e.g. {damaged[0]!r}; the archive is damaged")
