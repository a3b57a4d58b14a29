"""A PostgreSQL cluster of its own that speaks only TLS, with certificates made here.

The server's certificate is signed by a throwaway CA and names `localhost` and 127.0.0.1;
the cluster listens on 127.0.0.1 and 127.0.0.2 (so a host the certificate does not name
reaches the same server) and its pg_hba.conf admits TCP connections over TLS only.
"""

from __future__ import annotations

import glob
import ipaddress
import os
import pwd
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from tests.postgres import PostgresUnavailable, _bin_dir, _free_port

CLIENT = "certified"  # a role that signs in with its client certificate only
HBA = f"""local all all trust
hostssl all {CLIENT} 127.0.0.0/8 cert
hostssl all all 127.0.0.0/8 trust
"""


@dataclass(frozen=True, slots=True)
class TlsCluster:
    port: int
    ca: Path           # the CA that signed the server's (and the client's) certificate
    other_ca: Path     # a CA that signed nothing of this server's
    client_cert: Path  # CLIENT's certificate, signed by `ca`
    client_key: Path

    def url(self, host: str = "127.0.0.1", user: str = "postgres", **query: object) -> str:
        params = "&".join(f"{key}={value}" for key, value in query.items())
        return f"postgresql://{user}@{host}:{self.port}/postgres" + (f"?{params}" * bool(params))


@contextmanager
def tls_only_cluster() -> Iterator[TlsCluster]:
    """The cluster, stopped and removed on the way out whatever happened."""
    bin_dir = _bin_dir()
    if bin_dir is None:
        raise PostgresUnavailable("no initdb/pg_ctl on PATH or in /usr/lib/postgresql/*/bin")
    user = pwd.getpwnam("postgres") if os.geteuid() == 0 else None
    home = Path(tempfile.mkdtemp(prefix="tesigo-pg-tls-"))
    data, port = home / "data", _free_port()

    def run(*args: str) -> None:
        subprocess.run(args, check=True, capture_output=True, timeout=60, cwd=home,
                       user=user.pw_uid if user else None, group=user.pw_gid if user else None)

    started = False
    try:
        ca_key, ca = _authority("TesiGo test CA")
        _, other = _authority("Somebody else's CA")
        _write(home / "ca.pem", _pem(ca))
        _write(home / "other-ca.pem", _pem(other))
        key, cert = _leaf(ca_key, ca, "localhost", server=True)
        _write(home / "server.crt", _pem(cert))
        _write(home / "server.key", _key_pem(key), mode=0o600)
        client_key, client_cert = _leaf(ca_key, ca, CLIENT, server=False)
        _write(home / "client.crt", _pem(client_cert))
        _write(home / "client.key", _key_pem(client_key), mode=0o600)
        if user is not None:
            for path in (home, *home.iterdir()):
                os.chown(path, user.pw_uid, user.pw_gid)
        try:
            run(str(bin_dir / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres",
                "-E", "UTF8", "--no-sync")
            (data / "pg_hba.conf").write_text(HBA)
            run(str(bin_dir / "pg_ctl"), "-D", str(data), "-l", str(home / "log"), "-w",
                "-o", f"-p {port} -k {home} -c listen_addresses=127.0.0.1,127.0.0.2 "
                      f"-c fsync=off -c ssl=on -c ssl_cert_file={home / 'server.crt'} "
                      f"-c ssl_key_file={home / 'server.key'} -c ssl_ca_file={home / 'ca.pem'}",
                "start")
            started = True
            run(_psql(bin_dir), "-h", str(home), "-p", str(port), "-U", "postgres",
                "-d", "postgres", "-c", f"CREATE ROLE {CLIENT} LOGIN")
        except (OSError, subprocess.SubprocessError) as error:
            detail = getattr(error, "stderr", b"") or b""
            log = home / "log"
            tail = log.read_text(errors="replace")[-800:] if log.exists() else ""
            raise PostgresUnavailable(f"the TLS cluster did not start: {error} "
                                      f"{detail.decode(errors='replace')[-500:]} {tail}") from error
        yield TlsCluster(port=port, ca=home / "ca.pem", other_ca=home / "other-ca.pem",
                         client_cert=home / "client.crt", client_key=home / "client.key")
    finally:
        if started:
            with suppress(OSError, subprocess.SubprocessError):
                run(str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "fast", "stop")
        shutil.rmtree(home, ignore_errors=True)


def _psql(bin_dir: Path) -> str:
    beside = bin_dir / "psql"
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/psql"))
    return str(beside) if beside.exists() else shutil.which("psql") or (found or ["psql"])[-1]


def a_ca_pem(name: str = "TesiGo test CA") -> bytes:
    """A new self-signed CA certificate, as PEM."""
    return _pem(_authority(name)[1])


def _authority(name: str) -> tuple[ec.EllipticCurvePrivateKey, x509.Certificate]:
    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    now = datetime.now(UTC)
    cert = (x509.CertificateBuilder().subject_name(subject).issuer_name(subject)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - timedelta(minutes=5)).not_valid_after(now + timedelta(days=1))
            .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
            .add_extension(x509.KeyUsage(digital_signature=True, key_cert_sign=True,
                                         crl_sign=True, content_commitment=False,
                                         key_encipherment=False, data_encipherment=False,
                                         key_agreement=False, encipher_only=False,
                                         decipher_only=False), critical=True)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()),
                           critical=False)
            .sign(key, hashes.SHA256()))
    return key, cert


def _leaf(ca_key: ec.EllipticCurvePrivateKey, ca: x509.Certificate, name: str, *,
          server: bool) -> tuple[ec.EllipticCurvePrivateKey, x509.Certificate]:
    """A server's certificate for `name` and 127.0.0.1, or a client's with CN `name`."""
    key = ec.generate_private_key(ec.SECP256R1())
    now = datetime.now(UTC)
    names = x509.SubjectAlternativeName(
        [x509.DNSName(name), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))] if server
        else [x509.DNSName(name)])
    usage = x509.ExtendedKeyUsageOID.SERVER_AUTH if server else (
        x509.ExtendedKeyUsageOID.CLIENT_AUTH)
    cert = (x509.CertificateBuilder()
            .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)]))
            .issuer_name(ca.subject).public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - timedelta(minutes=5)).not_valid_after(now + timedelta(days=1))
            .add_extension(names, critical=False)
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(x509.ExtendedKeyUsage([usage]), critical=False)
            .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(
                ca_key.public_key()), critical=False)
            .sign(ca_key, hashes.SHA256()))
    return key, cert


def _pem(cert: x509.Certificate) -> bytes:
    return cert.public_bytes(serialization.Encoding.PEM)


def _key_pem(key: ec.EllipticCurvePrivateKey) -> bytes:
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                             serialization.NoEncryption())


def _write(path: Path, content: bytes, mode: int = 0o644) -> None:
    path.write_bytes(content)
    path.chmod(mode)
