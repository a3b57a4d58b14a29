"""BlobStore on a local directory."""

import asyncio
import contextlib
import os
import tempfile
from pathlib import Path

from adapters.storage.keys import check_key, check_prefix
from domain.ports.exports import BlobStore

# Temporary files carry a character no key may contain, so they are never mistaken for blobs.
_PARTIAL = "~partial"
_ATTEMPTS = 3


class LocalDirectoryBlobStore(BlobStore):
    """Each key is a file under `root` (created when needed). A put writes a temporary file
    beside the target, fsyncs it and renames it over the target, so a reader opens either the
    old file or the new one, whole. All file work runs in a thread, off the event loop."""

    def __init__(self, root: Path) -> None:
        self._root = root

    async def put(self, key: str, data: bytes) -> None:
        await asyncio.to_thread(_write, self._path(check_key(key)), data)

    async def get(self, key: str) -> bytes | None:
        return await asyncio.to_thread(_read, self._path(check_key(key)))

    async def delete_prefix(self, prefix: str) -> int:
        return await asyncio.to_thread(_delete_tree, self._path(check_prefix(prefix)))

    async def keys(self, prefix: str) -> list[str]:
        return await asyncio.to_thread(_list_tree, self._root, check_prefix(prefix))

    def _path(self, key: str) -> Path:
        return self._root.joinpath(*key.rstrip("/").split("/"))


def _write(path: Path, data: bytes) -> None:
    fd, temporary = _temporary_beside(path)
    try:
        with os.fdopen(fd, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise
    _fsync_directory(path.parent)


def _temporary_beside(path: Path) -> tuple[int, str]:
    for _ in range(_ATTEMPTS - 1):
        path.parent.mkdir(parents=True, exist_ok=True)
        # A delete_prefix may remove the empty folder between mkdir and mkstemp: try again.
        with contextlib.suppress(FileNotFoundError):
            return tempfile.mkstemp(dir=path.parent, prefix=f"{path.name}.", suffix=_PARTIAL)
    path.parent.mkdir(parents=True, exist_ok=True)
    return tempfile.mkstemp(dir=path.parent, prefix=f"{path.name}.", suffix=_PARTIAL)


def _read(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except (FileNotFoundError, NotADirectoryError, IsADirectoryError):
        return None


def _delete_tree(folder: Path) -> int:
    """Unlink file by file, then the folders that are left empty: a put in flight keeps its
    folder (and lands after the delete) instead of failing."""
    deleted = 0
    for directory, _, files in os.walk(folder, topdown=False):
        for name in files:
            if not name.endswith(_PARTIAL):
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(os.path.join(directory, name))
                    deleted += 1
        with contextlib.suppress(OSError):
            os.rmdir(directory)
    return deleted


def _list_tree(root: Path, prefix: str) -> list[str]:
    folder = root.joinpath(*prefix.rstrip("/").split("/"))
    found = [Path(directory, name).relative_to(root).as_posix()
             for directory, _, files in os.walk(folder) for name in files
             if not name.endswith(_PARTIAL)]
    return sorted(found)


def _fsync_directory(folder: Path) -> None:
    """Make the rename itself durable (a no-op where a folder cannot be opened)."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
