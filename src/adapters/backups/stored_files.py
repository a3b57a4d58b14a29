"""The blob store's files on the local directory, listed for a backup and put back.

Temporary files of writes in flight (their names end in `~partial`, see
adapters/storage/local_blobs.py) are never backed up and never removed.
"""

import contextlib
import os
from pathlib import Path

from adapters.storage.local_blobs import _PARTIAL


def listed(root: Path) -> list[tuple[str, Path]]:
    """Every blob under `root` as (key, file), keys sorted; none when `root` is missing."""
    found = [Path(directory, name) for directory, _, files in os.walk(root)
             for name in files if not name.endswith(_PARTIAL)]
    return sorted((path.relative_to(root).as_posix(), path) for path in found)


def put_back(root: Path, staged: Path, keys: list[str]) -> int:
    """Make `root` hold exactly the blobs `keys`, moved from `staged`: any other blob is
    removed, for a cache written after the backup (an export of a revision the restored
    database will number again) would otherwise be served for the wrong text. Returns how
    many blobs were removed."""
    root.mkdir(parents=True, exist_ok=True)
    for key in keys:
        target = root.joinpath(*key.split("/"))
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(staged.joinpath(*key.split("/")), target)
    wanted, removed = set(keys), 0
    for directory, _, files in os.walk(root, topdown=False):
        for name in files:
            path = Path(directory, name)
            if not name.endswith(_PARTIAL) and path.relative_to(root).as_posix() not in wanted:
                path.unlink()
                removed += 1
        if Path(directory) != root:
            with contextlib.suppress(OSError):
                os.rmdir(directory)  # only when left empty
    return removed
