"""The blob store of rendered files: an S3-compatible bucket when STORAGE_URL names one, the
local directory STORAGE_DIR otherwise."""

from pathlib import Path

from adapters.storage.local_blobs import LocalDirectoryBlobStore
from adapters.storage.s3_blobs import S3BlobStore
from domain.ports.exports import BlobStore
from entrypoints.config import Settings
from entrypoints.storage_config import s3_bucket


def blob_store(settings: Settings) -> BlobStore:
    bucket = s3_bucket(settings)
    if bucket is None:
        return LocalDirectoryBlobStore(Path(settings.storage_dir))
    return S3BlobStore(bucket)
