"""libpq's TLS parameters in a PostgreSQL URL, as asyncpg's `ssl` argument.

SQLAlchemy hands a URL's query to `asyncpg.connect` as keyword arguments, and asyncpg takes
no `sslmode`, `sslrootcert`, `sslcert` or `sslkey` there; so they are taken off the URL and
turned into one `ssl.SSLContext` (or `False`) here, with libpq's meaning:

- `disable`: no TLS. `allow`, `prefer`: asyncpg's own modes (TLS if the server offers it,
  unverified).
- `require`: TLS, the server's certificate not checked, unless `sslrootcert` names a CA
  file, which then checks it as `verify-ca` does (as libpq does).
- `verify-ca`: TLS, the certificate must chain to `sslrootcert` (or, without it or with
  `sslrootcert=system`, to the system's trusted CAs). `verify-full`: that, and the
  certificate must name the host of the URL.
- `sslcert` (+ `sslkey`, `sslpassword`): a client certificate, for `cert` authentication.

Any other `ssl…` parameter is refused rather than ignored, so a URL never promises more
checking than it gets. Files are read once, when the engine is made.
"""

from __future__ import annotations

import ssl
from typing import Literal

from sqlalchemy.engine import URL

SslArgument = ssl.SSLContext | Literal["allow", "prefer"] | bool
MODES = ("disable", "allow", "prefer", "require", "verify-ca", "verify-full")
_TAKEN = ("sslmode", "ssl", "sslrootcert", "sslcert", "sslkey", "sslpassword")


class InvalidTlsSettings(ValueError):
    """The URL's TLS parameters cannot be honoured; the message names the parameter."""


def split_tls(url: URL) -> tuple[URL, SslArgument | None]:
    """`url` without its TLS parameters, and asyncpg's `ssl` argument for them (None when
    the URL names no mode: asyncpg's default, which is `prefer` over TCP)."""
    query = {key: _one(key, value) for key, value in url.query.items() if key.startswith("ssl")}
    unknown = sorted(k for k in query if k not in _TAKEN)
    if unknown:
        raise InvalidTlsSettings(f"{', '.join(unknown)} is not supported; "
                                 "use sslmode, sslrootcert, sslcert, sslkey, sslpassword")
    if "sslmode" in query and "ssl" in query:
        raise InvalidTlsSettings("give sslmode or ssl, not both")
    mode = query.get("sslmode") or query.get("ssl")
    stripped = url.difference_update_query(_TAKEN)
    if mode is None:
        if any(key in query for key in _TAKEN):
            raise InvalidTlsSettings("sslrootcert/sslcert/sslkey need an sslmode")
        return stripped, None
    return stripped, ssl_argument(mode, root=query.get("sslrootcert"),
                                  cert=query.get("sslcert"), key=query.get("sslkey"),
                                  password=query.get("sslpassword"))


def ssl_argument(mode: str, *, root: str | None = None, cert: str | None = None,
                 key: str | None = None, password: str | None = None) -> SslArgument:
    """asyncpg's `ssl` for one libpq `sslmode` and its files (see the module's rules)."""
    if mode not in MODES:
        raise InvalidTlsSettings(f"sslmode={mode!r} is not one of "
                                 f"{', '.join(MODES)}")
    if mode == "disable":
        return False
    if mode in ("allow", "prefer"):
        if root or cert:
            raise InvalidTlsSettings(f"sslmode={mode} checks no certificate; "
                                     "use require, verify-ca or verify-full with files")
        return "allow" if mode == "allow" else "prefer"
    verify = mode != "require" or bool(root and root != "system")
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.check_hostname = mode == "verify-full"
    context.verify_mode = ssl.CERT_REQUIRED if verify else ssl.CERT_NONE
    if verify:
        _trust(context, root)
    if cert:
        _present(context, cert, key, password)
    elif key:
        raise InvalidTlsSettings("sslkey needs sslcert")
    return context


def _trust(context: ssl.SSLContext, root: str | None) -> None:
    if root is None or root == "system":
        context.load_default_certs(ssl.Purpose.SERVER_AUTH)
        return
    try:
        context.load_verify_locations(cafile=root)
    except (OSError, ssl.SSLError) as error:
        raise InvalidTlsSettings(f"sslrootcert={root!r} cannot be read as "
                                 f"PEM certificates ({error})") from None


def _present(context: ssl.SSLContext, cert: str, key: str | None, password: str | None) -> None:
    try:
        context.load_cert_chain(cert, key, password)
    except (OSError, ssl.SSLError) as error:
        raise InvalidTlsSettings(f"sslcert={cert!r}/sslkey={key!r} cannot be "
                                 f"loaded ({error})") from None


def _one(key: str, value: str | tuple[str, ...]) -> str:
    if isinstance(value, tuple):
        raise InvalidTlsSettings(f"{key} is given more than once")
    return value
