"""STORAGE_URL and the S3 settings: the forms accepted, each wrong one refused at start with a
ConfigError that names the setting, and the store each choice wires."""

import re

import pytest

from adapters.storage.local_blobs import LocalDirectoryBlobStore
from adapters.storage.s3_blobs import S3BlobStore, S3Bucket
from entrypoints.config import ConfigError, load_settings
from entrypoints.storage_config import s3_bucket
from entrypoints.wiring.blobs import blob_store

KEYS = {"AWS_ACCESS_KEY_ID": "AKIDEXAMPLE", "AWS_SECRET_ACCESS_KEY": "wJalrXUtnFEMI-example"}


def test_without_storage_url_files_stay_in_the_local_directory(tmp_path) -> None:
    settings = load_settings({"STORAGE_DIR": str(tmp_path), **KEYS})
    assert s3_bucket(settings) is None
    assert isinstance(blob_store(settings), LocalDirectoryBlobStore)


@pytest.mark.parametrize(("url", "bucket", "prefix"), [
    ("s3://tesigo", "tesigo", ""),
    ("s3://tesigo/", "tesigo", ""),
    ("s3://tesigo/exports", "tesigo", "exports"),
    ("s3://tesigo.files-1/prod/exports/", "tesigo.files-1", "prod/exports"),
])
def test_storage_url_forms(url: str, bucket: str, prefix: str) -> None:
    settings = load_settings({"STORAGE_URL": url, **KEYS})
    assert s3_bucket(settings) == S3Bucket(
        bucket=bucket, prefix=prefix, region="us-east-1", endpoint_url=None, allow_http=False,
        access_key_id="AKIDEXAMPLE", secret_access_key="wJalrXUtnFEMI-example")
    assert isinstance(blob_store(settings), S3BlobStore)


def test_a_local_endpoint_over_http_and_the_region() -> None:
    settings = load_settings({"STORAGE_URL": "s3://tesigo/exports", "AWS_REGION": "eu-west-1",
                              "S3_ENDPOINT_URL": "http://minio:9000/", "S3_ALLOW_HTTP": "true"})
    bucket = s3_bucket(settings)
    assert bucket is not None
    assert (bucket.endpoint_url, bucket.allow_http, bucket.region) == (
        "http://minio:9000", True, "eu-west-1")
    assert bucket.access_key_id is None  # no keys: the role of the instance or container


@pytest.mark.parametrize("endpoint", ["http://127.0.0.1:9000", "http://localhost:9000",
                                      "http://10.1.2.3:9000", "http://[::1]:9000",
                                      "http://minio.storage.svc.cluster.local",
                                      "http://minio"])
def test_plain_http_is_allowed_for_local_endpoints(endpoint: str) -> None:
    load_settings({"STORAGE_URL": "s3://tesigo", "S3_ENDPOINT_URL": endpoint,
                   "S3_ALLOW_HTTP": "true"})


def test_https_endpoints_need_no_allowance() -> None:
    settings = load_settings({"STORAGE_URL": "s3://tesigo",
                              "S3_ENDPOINT_URL": "https://objects.example.com"})
    assert s3_bucket(settings).endpoint_url == "https://objects.example.com"  # type: ignore[union-attr]


@pytest.mark.parametrize(("env", "says"), [
    ({"STORAGE_URL": "/var/storage"}, "STORAGE_URL must be s3://bucket or s3://bucket/prefix"),
    ({"STORAGE_URL": "file:///var/storage"}, "STORAGE_URL must be"),
    ({"STORAGE_URL": "s3a://tesigo/x"}, "STORAGE_URL must be"),
    ({"STORAGE_URL": "s3://tesigo/x?region=eu"}, "STORAGE_URL must be"),
    ({"STORAGE_URL": "s3://"}, "STORAGE_URL names no valid bucket"),
    ({"STORAGE_URL": "s3://Tesigo_Files"}, "STORAGE_URL names no valid bucket"),
    ({"STORAGE_URL": "s3://ab"}, "STORAGE_URL names no valid bucket"),
    ({"STORAGE_URL": "s3://key:secret@tesigo"}, "STORAGE_URL names no valid bucket"),
    ({"STORAGE_URL": "s3://tesigo:9000"}, "STORAGE_URL names no valid bucket"),
    ({"STORAGE_URL": "s3://192.168.1.1"}, "STORAGE_URL names no valid bucket"),
    ({"STORAGE_URL": "s3://tesigo/../other"}, "STORAGE_URL's prefix"),
    ({"STORAGE_URL": "s3://tesigo//x"}, "STORAGE_URL's prefix"),
    ({"STORAGE_URL": "s3://tesigo/a b"}, "STORAGE_URL's prefix"),
    ({"S3_ENDPOINT_URL": "http://minio:9000"}, "need STORAGE_URL"),
    ({"S3_ALLOW_HTTP": "true"}, "need STORAGE_URL"),
    ({"STORAGE_URL": "s3://tesigo", "S3_ENDPOINT_URL": "minio:9000"}, "S3_ENDPOINT_URL must"),
    ({"STORAGE_URL": "s3://tesigo", "S3_ENDPOINT_URL": "http://minio:port"},
     "S3_ENDPOINT_URL is not a URL"),
    ({"STORAGE_URL": "s3://tesigo", "S3_ENDPOINT_URL": "https://s3.example.com/bucket"},
     "S3_ENDPOINT_URL must"),
    ({"STORAGE_URL": "s3://tesigo", "S3_ENDPOINT_URL": "http://minio:9000"},
     "plain HTTP: use https, or set S3_ALLOW_HTTP"),
    ({"STORAGE_URL": "s3://tesigo", "S3_ENDPOINT_URL": "http://s3.example.com",
      "S3_ALLOW_HTTP": "true"}, "S3_ALLOW_HTTP is only for a local endpoint"),
    ({"STORAGE_URL": "s3://tesigo", "S3_ENDPOINT_URL": "http://52.216.8.1:9000",
      "S3_ALLOW_HTTP": "true"}, "S3_ALLOW_HTTP is only for a local endpoint"),
    ({"STORAGE_URL": "s3://tesigo", "S3_ALLOW_HTTP": "true"}, "AWS is reached over HTTPS"),
    ({"STORAGE_URL": "s3://tesigo", "AWS_ACCESS_KEY_ID": "AKIDEXAMPLE"},
     "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are set together"),
    ({"STORAGE_URL": "s3://tesigo", "AWS_SECRET_ACCESS_KEY": "secret"},
     "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are set together"),
    ({"STORAGE_URL": "s3://tesigo", "AWS_REGION": "eu west"}, "AWS_REGION"),
])
def test_a_bad_storage_setting_is_refused_by_name(env: dict[str, str], says: str) -> None:
    with pytest.raises(ConfigError, match=re.escape(says)):
        load_settings(env)


def test_the_secret_key_does_not_show_in_the_repr() -> None:
    settings = load_settings({"STORAGE_URL": "s3://tesigo", **KEYS})
    assert "wJalrXUtnFEMI" not in repr(settings)
    assert "wJalrXUtnFEMI" not in repr(s3_bucket(settings))
