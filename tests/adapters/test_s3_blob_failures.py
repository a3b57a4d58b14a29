"""The S3 blob store when the store itself fails: a readable BlobStorageError from obstore's
error, after obstore's bounded retries; never a silent None or a hang."""

import pytest
from tests.s3_server import MotoS3
from tests.smtp_server import free_port

from adapters.storage.s3_blobs import BlobStorageError, S3BlobStore, S3Bucket


async def test_a_missing_bucket_fails_every_call(s3_server: MotoS3) -> None:
    store = S3BlobStore(s3_server.bucket("tesigo-no-such-bucket"))
    with pytest.raises(BlobStorageError, match="could not store 'exports/d/1/pdf'") as error:
        await store.put("exports/d/1/pdf", b"x")
    assert error.value.__cause__ is not None
    with pytest.raises(BlobStorageError, match="could not read 'exports/d/1/pdf'"):
        await store.get("exports/d/1/pdf")  # a missing bucket is not a missing key
    with pytest.raises(BlobStorageError, match="could not list 'exports/'"):
        await store.keys("exports/")
    with pytest.raises(BlobStorageError, match="could not list 'exports/'"):
        await store.delete_prefix("exports/")


async def test_an_endpoint_that_does_not_answer_fails_after_the_retries() -> None:
    store = S3BlobStore(S3Bucket(bucket="tesigo", endpoint_url=f"http://127.0.0.1:{free_port()}",
                                 allow_http=True, access_key_id="k", secret_access_key="s"))
    with pytest.raises(BlobStorageError, match="could not read 'exports/d/1/pdf'"):
        await store.get("exports/d/1/pdf")
    with pytest.raises(BlobStorageError, match="could not store 'exports/d/1/pdf'"):
        await store.put("exports/d/1/pdf", b"x")

