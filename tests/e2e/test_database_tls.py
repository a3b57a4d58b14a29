"""DATABASE_URL's libpq TLS parameters, against a real PostgreSQL that speaks only TLS: the
app's engine factory encrypts for `require`, verifies CA and host for `verify-full`, and
refuses a server it cannot verify or a URL that asks for no TLS where TLS is required."""

import os
import ssl
from collections.abc import Iterator

import pytest
from sqlalchemy import TextClause, text
from sqlalchemy.exc import DBAPIError
from tests.e2e.tls_cluster import CLIENT, TlsCluster, tls_only_cluster
from tests.postgres import PostgresUnavailable

from adapters.sql.engine import create_engine
from adapters.sql.listener import asyncpg_connector

pytestmark = [pytest.mark.postgres, pytest.mark.e2e]
OVER_TLS = text("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")
WHO = text("SELECT current_user")


@pytest.fixture(scope="module")
def cluster() -> Iterator[TlsCluster]:
    try:
        with tls_only_cluster() as started:
            yield started
    except PostgresUnavailable as error:
        if os.environ.get("CI") == "true":
            pytest.fail(f"TLS PostgreSQL cluster unavailable: {error}")
        pytest.skip(f"TLS PostgreSQL cluster unavailable: {error}")


async def connected_over_tls(url: str) -> bool:
    return bool(await ask(url, OVER_TLS))


async def ask(url: str, query: TextClause) -> object:
    engine = create_engine(url)
    try:
        async with engine.connect() as connection:
            return (await connection.execute(query)).scalar_one()
    finally:
        await engine.dispose()


async def test_require_encrypts_without_checking_the_certificate(cluster: TlsCluster) -> None:
    assert await connected_over_tls(cluster.url(sslmode="require"))


async def test_verify_full_with_the_servers_ca_and_host_connects(cluster: TlsCluster) -> None:
    assert await connected_over_tls(cluster.url(sslmode="verify-full", sslrootcert=cluster.ca))
    assert await connected_over_tls(cluster.url("localhost", sslmode="verify-full",
                                                sslrootcert=cluster.ca))


async def test_verify_full_with_another_ca_is_refused(cluster: TlsCluster) -> None:
    with pytest.raises(ssl.SSLCertVerificationError, match="certificate verify failed"):
        await connected_over_tls(cluster.url(sslmode="verify-full",
                                             sslrootcert=cluster.other_ca))


async def test_require_with_a_root_certificate_checks_it_as_libpq_does(
        cluster: TlsCluster) -> None:
    with pytest.raises(ssl.SSLCertVerificationError):
        await connected_over_tls(cluster.url(sslmode="require", sslrootcert=cluster.other_ca))


async def test_verify_full_refuses_a_host_the_certificate_does_not_name(
        cluster: TlsCluster) -> None:
    """127.0.0.2 reaches the same server, but its certificate names only localhost and
    127.0.0.1: verify-ca accepts it, verify-full does not."""
    assert await connected_over_tls(cluster.url("127.0.0.2", sslmode="verify-ca",
                                                sslrootcert=cluster.ca))
    with pytest.raises(ssl.SSLCertVerificationError, match="IP address mismatch"):
        await connected_over_tls(cluster.url("127.0.0.2", sslmode="verify-full",
                                             sslrootcert=cluster.ca))


async def test_disable_is_refused_by_a_server_that_admits_only_tls(cluster: TlsCluster) -> None:
    with pytest.raises(DBAPIError, match="no encryption"):
        await connected_over_tls(cluster.url(sslmode="disable"))


async def test_a_client_certificate_signs_in_where_the_server_asks_for_one(
        cluster: TlsCluster) -> None:
    """pg_hba.conf has `cert` for CLIENT: the certificate is the password."""
    signed = cluster.url(user=CLIENT, sslmode="verify-full", sslrootcert=cluster.ca,
                         sslcert=cluster.client_cert, sslkey=cluster.client_key)
    assert await ask(signed, WHO) == CLIENT
    with pytest.raises(DBAPIError, match="certificate"):
        await ask(cluster.url(user=CLIENT, sslmode="verify-full", sslrootcert=cluster.ca), WHO)


async def test_the_live_events_connection_takes_the_same_tls(cluster: TlsCluster) -> None:
    """LISTEN/NOTIFY runs on plain asyncpg connections outside the engine's pool."""
    connect = asyncpg_connector(cluster.url(sslmode="verify-full", sslrootcert=cluster.ca),
                                timeout_s=10)
    connection = await connect()
    try:
        assert await connection.fetchval(str(OVER_TLS)) is True
    finally:
        await connection.close()
    refused = asyncpg_connector(cluster.url(sslmode="verify-full",
                                            sslrootcert=cluster.other_ca), timeout_s=10)
    with pytest.raises(ssl.SSLCertVerificationError):
        await refused()
