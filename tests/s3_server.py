"""moto's S3 in server mode, in a thread of the test process on 127.0.0.1 and a free port: a
real HTTP S3 endpoint for the S3 blob store, with a fresh bucket per test."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable
from typing import Any
from uuid import uuid4

import boto3
from moto.server import ThreadedMotoServer

from adapters.storage.s3_blobs import S3Bucket

HOST = "127.0.0.1"
REGION = "us-east-1"
KEY_ID, SECRET = "test-key-id", "test-secret-access-key"  # moto accepts any keys


class MotoS3:
    def __init__(self) -> None:
        self._server = ThreadedMotoServer(ip_address=HOST, port=0, verbose=False)
        self.endpoint_url = ""
        self._client: Any = None

    def start(self) -> None:
        logging.getLogger("werkzeug").setLevel(logging.WARNING)  # no line per request
        self._server.start()
        wsgi = self._server._server
        assert wsgi is not None
        wsgi.app = one_at_a_time(wsgi.app)
        host, port = self._server.get_host_and_port()
        self.endpoint_url = f"http://{host}:{port}"

    def stop(self) -> None:
        self._server.stop()

    def client(self) -> Any:
        """boto3, only to make buckets and to look at them from outside the store."""
        if self._client is None:
            self._client = boto3.client("s3", endpoint_url=self.endpoint_url,
                                        region_name=REGION, aws_access_key_id=KEY_ID,
                                        aws_secret_access_key=SECRET)
        return self._client

    def new_bucket(self) -> str:
        name = f"tesigo-{uuid4().hex[:16]}"
        self.client().create_bucket(Bucket=name)
        return name

    def bucket(self, name: str, prefix: str = "") -> S3Bucket:
        """How the store reaches bucket `name` here, as STORAGE_URL and friends would say."""
        return S3Bucket(bucket=name, prefix=prefix, region=REGION,
                        endpoint_url=self.endpoint_url, allow_http=True,
                        access_key_id=KEY_ID, secret_access_key=SECRET)

    def object_keys(self, name: str) -> list[str]:
        listed = self.client().list_objects_v2(Bucket=name)
        return sorted(entry["Key"] for entry in listed.get("Contents", []))

    def settings(self, name: str, prefix: str = "") -> dict[str, object]:
        """The settings that point the service at bucket `name` here."""
        return dict(storage_url=f"s3://{name}/{prefix}", s3_endpoint_url=self.endpoint_url,
                    s3_allow_http=True, aws_access_key_id=KEY_ID,
                    aws_secret_access_key=SECRET, aws_region=REGION)


def one_at_a_time(app: Callable[..., Iterable[bytes]]) -> Callable[..., list[bytes]]:
    """moto is not safe for concurrent requests on one key: an overwrite closes the old
    object's buffer while another request may still read it (a 500 there, never on S3, which
    applies each PUT whole). So the stand-in answers one request at a time, while the store
    under test still sends them concurrently."""
    lock = threading.Lock()

    def serialised(environ: dict[str, Any], start_response: Callable[..., Any]) -> list[bytes]:
        with lock:
            return list(app(environ, start_response))

    return serialised
