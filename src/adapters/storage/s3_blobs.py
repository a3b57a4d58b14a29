"""BlobStore on S3-compatible object storage (AWS S3, MinIO, moto), through obstore.

obstore was chosen over boto3/aioboto3 because its calls are natively async (Rust's
object_store on its own runtime: no thread pool, nothing blocks the event loop), it is small
and typed, and it retries transient failures itself, bounded."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from typing import TYPE_CHECKING

import obstore
from obstore.exceptions import BaseError
from obstore.store import S3Store

from adapters.storage.keys import check_key, check_prefix
from domain.ports.exports import BlobStore

if TYPE_CHECKING:
    from obstore.store import S3Config

CONNECT_TIMEOUT = timedelta(seconds=5)
REQUEST_TIMEOUT = timedelta(seconds=60)
MAX_RETRIES = 3
RETRY_TIMEOUT = timedelta(seconds=60)
# obstore raises its own errors, and built-in ones (FileNotFoundError for a missing bucket).
FAILURES = (BaseError, OSError, ValueError)
NO_SUCH_BUCKET = "<Code>NoSuchBucket</Code>"  # the S3 error code, in obstore's message


class BlobStorageError(Exception):
    """The object store failed in a way the port has no word for (unreachable after the
    retries, credentials refused, a missing bucket)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class S3Bucket:
    """Where the blobs live: a bucket, a folder in it (`prefix`, no slashes at its ends; ""
    for the whole bucket) and how to reach it. Without keys, obstore finds credentials as
    AWS SDKs do (web identity, container or instance role)."""

    bucket: str
    prefix: str = ""
    region: str = "us-east-1"
    endpoint_url: str | None = None
    allow_http: bool = False
    access_key_id: str | None = None
    secret_access_key: str | None = field(default=None, repr=False)


class S3BlobStore(BlobStore):
    """Each key is the object `<prefix>/<key>` of the bucket; nothing is read or written
    outside the prefix.

    - A put is one PutObject (never a multipart upload), which S3 applies whole: readers get
      the old object or the new one. Single PUTs leave no abandoned parts behind and take up
      to 5 GB, far above any export.
    - `delete_prefix` lists the objects under the prefix and deletes them in bulk; it counts
      what it listed, so two concurrent deletes of one prefix may both count an object.
    - Errors other than a missing key are raised as BlobStorageError from obstore's error.
    """

    def __init__(self, bucket: S3Bucket) -> None:
        config: S3Config = {"region": bucket.region}
        if bucket.endpoint_url:
            config["endpoint"] = bucket.endpoint_url
        if bucket.access_key_id and bucket.secret_access_key:
            config["access_key_id"] = bucket.access_key_id
            config["secret_access_key"] = bucket.secret_access_key
        self._store = S3Store(
            bucket.bucket, prefix=bucket.prefix or None, config=config,
            client_options={"allow_http": bucket.allow_http, "timeout": REQUEST_TIMEOUT,
                            "connect_timeout": CONNECT_TIMEOUT},
            retry_config={"max_retries": MAX_RETRIES, "retry_timeout": RETRY_TIMEOUT})

    async def put(self, key: str, data: bytes) -> None:
        check_key(key)
        try:
            await obstore.put_async(self._store, key, data, use_multipart=False)
        except FAILURES as error:
            raise BlobStorageError(f"could not store {key!r}: {error}") from error

    async def get(self, key: str) -> bytes | None:
        check_key(key)
        try:
            found = await obstore.get_async(self._store, key)
            return bytes(await found.bytes_async())
        except FileNotFoundError as error:
            if NO_SUCH_BUCKET in str(error):  # a missing bucket is no missing key
                raise BlobStorageError(f"could not read {key!r}: {error}") from error
            return None
        except FAILURES as error:
            raise BlobStorageError(f"could not read {key!r}: {error}") from error

    async def delete_prefix(self, prefix: str) -> int:
        doomed = await self.keys(prefix)
        if doomed:
            try:
                await obstore.delete_async(self._store, doomed)
            except FAILURES as error:
                raise BlobStorageError(f"could not delete under {prefix!r}: {error}") from error
        return len(doomed)

    async def keys(self, prefix: str) -> list[str]:
        check_prefix(prefix)
        try:
            listed = await obstore.list(self._store, prefix).collect_async()
        except FAILURES as error:
            raise BlobStorageError(f"could not list {prefix!r}: {error}") from error
        return sorted(meta["path"] for meta in listed)
