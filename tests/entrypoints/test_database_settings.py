"""DB_POOL_SIZE, DB_MAX_OVERFLOW, DB_POOL_TIMEOUT_S, DB_STATEMENT_TIMEOUT_S and the TLS
parameters of DATABASE_URL: read from the environment, checked at start, refused by name."""

from pathlib import Path

import pytest
from tests.e2e.tls_cluster import a_ca_pem

from entrypoints.config import ConfigError, load_settings

PG = "postgresql://tesigo@db.internal:5432/tesigo"


def test_defaults_fit_one_process() -> None:
    settings = load_settings({})
    assert (settings.db_pool_size, settings.db_max_overflow, settings.db_pool_timeout_s,
            settings.db_statement_timeout_s) == (30, 0, 10.0, 30.0)


def test_pool_settings_come_from_the_environment() -> None:
    settings = load_settings({"DB_POOL_SIZE": "3", "DB_MAX_OVERFLOW": "0",
                              "DB_POOL_TIMEOUT_S": "2.5", "DB_STATEMENT_TIMEOUT_S": "0"})
    assert (settings.db_pool_size, settings.db_max_overflow, settings.db_pool_timeout_s,
            settings.db_statement_timeout_s) == (3, 0, 2.5, 0.0)


@pytest.mark.parametrize(("env", "named"), [
    ({"DB_POOL_SIZE": "0"}, "db_pool_size"),
    ({"DB_POOL_SIZE": "many"}, "db_pool_size"),
    ({"DB_MAX_OVERFLOW": "-1"}, "db_max_overflow"),
    ({"DB_POOL_TIMEOUT_S": "0"}, "db_pool_timeout_s"),
    ({"DB_POOL_TIMEOUT_S": "301"}, "db_pool_timeout_s"),
    ({"DB_STATEMENT_TIMEOUT_S": "-1"}, "db_statement_timeout_s"),
])
def test_out_of_range_pool_settings_are_refused_by_name(env: dict[str, str], named: str) -> None:
    with pytest.raises(ConfigError, match=named):
        load_settings(env)


def test_a_url_with_tls_parameters_is_accepted(tmp_path: Path) -> None:
    ca = tmp_path / "ca.pem"
    ca.write_bytes(a_ca_pem())
    url = f"{PG}?sslmode=verify-full&sslrootcert={ca}"
    assert load_settings({"DATABASE_URL": url}).database_url == url


@pytest.mark.parametrize(("query", "says"), [
    ("sslmode=sometimes", "sslmode='sometimes' is not one of"),
    ("sslmode=verify-full&sslrootcert=/nonexistent/ca.pem", "sslrootcert='/nonexistent/ca.pem'"),
    ("sslmode=require&sslcert=/nonexistent/client.crt", "sslcert='/nonexistent/client.crt'"),
    ("sslmode=verify-full&sslcrl=/etc/crl.pem", "sslcrl is not supported"),
    ("sslrootcert=/etc/ca.pem", "need an sslmode"),
    ("sslmode=require&ssl=require", "not both"),
    ("sslmode=prefer&sslrootcert=/etc/ca.pem", "checks no certificate"),
])
def test_tls_parameters_that_cannot_be_honoured_refuse_to_start(query: str, says: str) -> None:
    with pytest.raises(ConfigError, match="DATABASE_URL") as refused:
        load_settings({"DATABASE_URL": f"{PG}?{query}"})
    assert says in str(refused.value)


def test_an_unsupported_database_is_refused_at_start() -> None:
    with pytest.raises(ConfigError, match="DATABASE_URL: unsupported"):
        load_settings({"DATABASE_URL": "mysql://u@db/tesigo"})
