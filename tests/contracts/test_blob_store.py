"""The BlobStore contract, run against every store (in memory, a local directory, S3 through
moto's server): keys that cannot escape, atomic puts, None for an unknown key, and prefix
deletes that touch nothing outside the prefix."""

import asyncio
import os
from pathlib import Path

import pytest

from adapters.memory.blobs import InMemoryBlobStore
from adapters.storage.local_blobs import LocalDirectoryBlobStore
from adapters.storage.s3_blobs import S3BlobStore
from domain.ports.exports import BlobStore

INVALID_KEYS = ["../x", "/abs", "a//b", "a/./b", "a\\b", "", "exports/..", "exports/", ".",
                "a b", "ключ", "a/b\x00"]


@pytest.fixture(params=["memory", "local", "s3"])
def blobs(request: pytest.FixtureRequest, tmp_path: Path) -> BlobStore:
    if request.param == "memory":
        return InMemoryBlobStore()
    if request.param == "s3":  # a fresh bucket, and a prefix as STORAGE_URL may give
        s3 = request.getfixturevalue("s3_server")
        return S3BlobStore(s3.bucket(s3.new_bucket(), prefix="tesigo/files"))
    return LocalDirectoryBlobStore(tmp_path / "blobs")


async def test_what_is_put_is_got_back(blobs):
    await blobs.put("exports/doc-1/3.pdf", b"%PDF-1.7 first")
    assert await blobs.get("exports/doc-1/3.pdf") == b"%PDF-1.7 first"


async def test_a_put_replaces_the_whole_content(blobs):
    await blobs.put("exports/doc-1/3.md", b"a long first version")
    await blobs.put("exports/doc-1/3.md", b"short")
    assert await blobs.get("exports/doc-1/3.md") == b"short"


async def test_an_unknown_key_is_none(blobs):
    await blobs.put("exports/doc-1/3.pdf", b"x")
    assert await blobs.get("exports/doc-1/4.pdf") is None
    assert await blobs.get("exports/doc-2/3.pdf") is None
    assert await blobs.get("exports/doc-1") is None  # a folder is not a blob
    assert await blobs.get("exports/doc-1/3.pdf/more") is None


async def test_delete_prefix_removes_only_what_is_under_it(blobs):
    for key in ["exports/doc-1/1.pdf", "exports/doc-1/2.docx", "exports/doc-1/old/1.md",
                "exports/doc-10/1.pdf", "exports/doc-1.pdf", "uploads/doc-1/1.txt"]:
        await blobs.put(key, key.encode())
    assert await blobs.delete_prefix("exports/doc-1/") == 3
    assert await blobs.get("exports/doc-1/1.pdf") is None
    assert await blobs.get("exports/doc-1/old/1.md") is None
    for kept in ["exports/doc-10/1.pdf", "exports/doc-1.pdf", "uploads/doc-1/1.txt"]:
        assert await blobs.get(kept) == kept.encode()
    assert await blobs.delete_prefix("exports/doc-1/") == 0
    await blobs.put("exports/doc-1/1.pdf", b"again")
    assert await blobs.get("exports/doc-1/1.pdf") == b"again"


@pytest.mark.parametrize("key", INVALID_KEYS)
async def test_a_key_that_breaks_the_rules_is_refused(blobs, key):
    with pytest.raises(ValueError, match="blob"):
        await blobs.put(key, b"x")
    with pytest.raises(ValueError, match="blob"):
        await blobs.get(key)
    with pytest.raises(ValueError, match="blob"):
        await blobs.delete_prefix(key + "/")


@pytest.mark.parametrize("prefix", ["exports", "", "/", "../", "exports//", "exports/../"])
async def test_a_prefix_that_breaks_the_rules_is_refused(blobs, prefix):
    with pytest.raises(ValueError, match="blob"):
        await blobs.delete_prefix(prefix)


async def test_readers_see_the_old_or_the_new_content_never_a_part(blobs):
    versions = [bytes([n]) * (4 * 1024 * 1024) for n in range(1, 9)]
    await blobs.put("exports/doc-1/1.pdf", versions[0])
    seen: list[bytes | None] = []

    async def read(times: int) -> None:
        for _ in range(times):
            seen.append(await blobs.get("exports/doc-1/1.pdf"))

    await asyncio.gather(*(blobs.put("exports/doc-1/1.pdf", v) for v in versions[1:] * 3),
                         *(read(10) for _ in range(8)))
    assert len(seen) == 80
    assert all(content in versions for content in seen)


async def test_puts_and_deletes_of_one_prefix_may_interleave(blobs):
    async def put(n: int) -> None:
        await blobs.put(f"exports/doc-1/{n}.pdf", b"x" * 100_000)

    await asyncio.gather(*(put(n) for n in range(40)),
                         *(blobs.delete_prefix("exports/doc-1/") for _ in range(10)))
    await blobs.delete_prefix("exports/doc-1/")
    assert all([await blobs.get(f"exports/doc-1/{n}.pdf") is None for n in range(40)])


async def test_the_local_store_writes_nothing_outside_its_root(tmp_path):
    root = tmp_path / "blobs"
    store = LocalDirectoryBlobStore(root)
    for key in INVALID_KEYS:
        with pytest.raises(ValueError, match="blob"):
            await store.put(key, b"escaped")
    await store.put("exports/doc-1/1.pdf", b"inside")
    await store.delete_prefix("exports/doc-1/")
    await store.put("exports/doc-2/1.pdf", b"inside")
    written = [Path(folder, name) for folder, _, names in os.walk(tmp_path) for name in names]
    assert written == [root / "exports" / "doc-2" / "1.pdf"]


async def test_keys_lists_what_is_under_a_prefix_sorted(blobs):
    for key in ("exports/d1/3/pdf", "exports/d1/2/md", "exports/d10/1/pdf", "other/x"):
        await blobs.put(key, b"x")
    assert await blobs.keys("exports/d1/") == ["exports/d1/2/md", "exports/d1/3/pdf"]
    assert await blobs.keys("exports/none/") == []
    with pytest.raises(ValueError, match="valid blob key"):
        await blobs.keys("../")


async def test_the_s3_store_touches_nothing_outside_its_prefix(s3_server):
    bucket = s3_server.new_bucket()
    store = S3BlobStore(s3_server.bucket(bucket, prefix="tenant-a"))
    neighbour = S3BlobStore(s3_server.bucket(bucket, prefix="tenant-ab"))
    for key in INVALID_KEYS:
        with pytest.raises(ValueError, match="blob"):
            await store.put(key, b"escaped")
    await neighbour.put("exports/doc-1/1.pdf", b"the neighbour's")
    await store.put("exports/doc-1/1.pdf", b"inside")
    await store.put("exports/doc-2/1.pdf", b"inside")
    assert await store.delete_prefix("exports/") == 2
    await store.put("exports/doc-2/1.pdf", b"inside")
    assert await store.keys("exports/") == ["exports/doc-2/1.pdf"]
    assert s3_server.object_keys(bucket) == ["tenant-a/exports/doc-2/1.pdf",
                                             "tenant-ab/exports/doc-1/1.pdf"]
    assert await neighbour.get("exports/doc-1/1.pdf") == b"the neighbour's"
