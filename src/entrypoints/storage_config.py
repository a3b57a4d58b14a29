"""Where files are kept: the local directory STORAGE_DIR unless STORAGE_URL names an
S3-compatible bucket, `s3://bucket` or `s3://bucket/prefix`, reached at S3_ENDPOINT_URL
(MinIO, moto; AWS itself when unset) with AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and
AWS_REGION. Plain HTTP (S3_ALLOW_HTTP) is for local endpoints only."""

from __future__ import annotations

import ipaddress
import re
from typing import TYPE_CHECKING
from urllib.parse import SplitResult, urlsplit

from adapters.storage.keys import check_key
from adapters.storage.s3_blobs import S3Bucket

if TYPE_CHECKING:
    from entrypoints.config import Settings

# S3's bucket naming rules: 3 to 63 lower-case letters, digits, dots and hyphens, starting
# and ending with a letter or digit.
_BUCKET = re.compile(r"[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")
_REGION = re.compile(r"[A-Za-z0-9_-]+")
_LOCAL_SUFFIXES = (".localhost", ".local", ".internal")
URL_FORM = "s3://bucket or s3://bucket/prefix"


def s3_bucket(settings: Settings) -> S3Bucket | None:
    """The bucket STORAGE_URL names, or None without one (the local directory). ValueError
    names the setting that is wrong and says why."""
    if not settings.storage_url:
        if settings.s3_endpoint_url or settings.s3_allow_http:
            raise ValueError("S3_ENDPOINT_URL and S3_ALLOW_HTTP need STORAGE_URL=s3://...; "
                             "set it or unset them")
        return None
    bucket, prefix = _bucket_and_prefix(settings.storage_url)
    endpoint = _endpoint(settings.s3_endpoint_url, settings.s3_allow_http)
    if bool(settings.aws_access_key_id) != bool(settings.aws_secret_access_key):
        raise ValueError("AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are set together, or "
                         "neither (then the instance's or container's role is used)")
    if not _REGION.fullmatch(settings.aws_region):
        raise ValueError(f"AWS_REGION is not a region name: {settings.aws_region!r}")
    return S3Bucket(bucket=bucket, prefix=prefix, region=settings.aws_region,
                    endpoint_url=endpoint, allow_http=settings.s3_allow_http,
                    access_key_id=settings.aws_access_key_id,
                    secret_access_key=settings.aws_secret_access_key)


def _bucket_and_prefix(url: str) -> tuple[str, str]:
    parts = _split(url, "STORAGE_URL")
    bucket = parts.netloc
    if parts.scheme != "s3" or parts.query or parts.fragment or "?" in url or "#" in url:
        raise ValueError(f"STORAGE_URL must be {URL_FORM}, not {url!r} (unset it for the "
                         "local directory STORAGE_DIR)")
    if not _BUCKET.fullmatch(bucket) or ".." in bucket or _is_address(bucket):
        raise ValueError(f"STORAGE_URL names no valid bucket ({URL_FORM}; 3 to 63 lower-case "
                         f"letters, digits, '.' and '-'): {url!r}")
    prefix = parts.path.removeprefix("/").removesuffix("/")
    if prefix:
        try:
            check_key(prefix)
        except ValueError:
            raise ValueError(f"STORAGE_URL's prefix must be folder names of letters, digits, "
                             f"'.', '_' and '-' separated by '/': {url!r}") from None
    return bucket, prefix


def _endpoint(url: str | None, allow_http: bool) -> str | None:
    if not url:
        if allow_http:
            raise ValueError("S3_ALLOW_HTTP is for a local S3_ENDPOINT_URL; AWS is reached "
                             "over HTTPS")
        return None
    parts = _split(url, "S3_ENDPOINT_URL")
    if (parts.scheme not in ("http", "https") or not parts.hostname or parts.username
            or parts.password or parts.path not in ("", "/") or parts.query or parts.fragment):
        raise ValueError(f"S3_ENDPOINT_URL must be http(s)://host[:port], not {url!r}")
    if allow_http and not _is_local(parts.hostname):
        raise ValueError(f"S3_ALLOW_HTTP is only for a local endpoint (loopback, a private "
                         f"address or a local host name such as 'minio'), not "
                         f"{parts.hostname!r}")
    if parts.scheme == "http" and not allow_http:
        raise ValueError(f"S3_ENDPOINT_URL {url!r} is plain HTTP: use https, or set "
                         "S3_ALLOW_HTTP=true for a local endpoint")
    return url.removesuffix("/")


def _split(url: str, name: str) -> SplitResult:
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018  (raises ValueError for a port that is not a number)
    except ValueError:
        raise ValueError(f"{name} is not a URL: {url!r}") from None
    return parts


def _is_address(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


def _is_local(host: str) -> bool:
    """Loopback, a private or link-local address, or a name only a local network resolves
    (one label such as a compose service, or `.localhost`, `.local`, `.internal`)."""
    if host == "localhost" or host.endswith(_LOCAL_SUFFIXES):
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return "." not in host
    return address.is_loopback or address.is_private or address.is_link_local
