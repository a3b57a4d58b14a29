"""libpq's sslmode and its files become asyncpg's `ssl` argument with libpq's meaning, and
leave the URL (asyncpg would refuse them as keyword arguments)."""

import ssl
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url
from tests.e2e.tls_cluster import a_ca_pem

from adapters.sql.engine import create_engine
from adapters.sql.tls import InvalidTlsSettings, split_tls

PG = "postgresql+asyncpg://tesigo@db.internal:5432/tesigo"


@pytest.fixture
def ca(tmp_path: Path) -> Path:
    path = tmp_path / "ca.pem"
    path.write_bytes(a_ca_pem())
    return path


def context_for(query: str) -> ssl.SSLContext:
    _, argument = split_tls(make_url(f"{PG}?{query}"))
    assert isinstance(argument, ssl.SSLContext)
    return argument


def test_the_tls_parameters_leave_the_url_and_the_rest_stays(ca: Path) -> None:
    bare, _ = split_tls(make_url(f"{PG}?sslmode=verify-full&sslrootcert={ca}"
                                 "&application_name=tesigo"))
    assert dict(bare.query) == {"application_name": "tesigo"}
    assert bare.host == "db.internal" and bare.database == "tesigo"


def test_no_mode_leaves_asyncpg_its_default() -> None:
    assert split_tls(make_url(PG)) == (make_url(PG), None)


@pytest.mark.parametrize(("mode", "argument"), [("disable", False), ("allow", "allow"),
                                                ("prefer", "prefer")])
def test_modes_that_check_nothing(mode: str, argument: object) -> None:
    assert split_tls(make_url(f"{PG}?sslmode={mode}"))[1] == argument


def test_require_encrypts_without_verifying() -> None:
    context = context_for("sslmode=require")
    assert context.verify_mode is ssl.CERT_NONE and not context.check_hostname


def test_require_with_a_root_certificate_verifies_like_verify_ca(ca: Path) -> None:
    context = context_for(f"sslmode=require&sslrootcert={ca}")
    assert context.verify_mode is ssl.CERT_REQUIRED and not context.check_hostname
    assert len(context.get_ca_certs()) == 1


def test_verify_ca_checks_the_chain_and_verify_full_also_the_host(ca: Path) -> None:
    verify_ca = context_for(f"sslmode=verify-ca&sslrootcert={ca}")
    verify_full = context_for(f"sslmode=verify-full&sslrootcert={ca}")
    assert verify_ca.verify_mode is verify_full.verify_mode is ssl.CERT_REQUIRED
    assert (verify_ca.check_hostname, verify_full.check_hostname) == (False, True)
    assert [c["subject"] for c in verify_full.get_ca_certs()] == [
        ((("commonName", "TesiGo test CA"),),)]


def test_ssl_is_an_alias_of_sslmode() -> None:
    assert context_for("ssl=verify-full").check_hostname


def test_a_ca_file_that_is_no_certificate_is_refused(tmp_path: Path) -> None:
    junk = tmp_path / "ca.pem"
    junk.write_text("not a certificate")
    with pytest.raises(InvalidTlsSettings, match="sslrootcert"):
        split_tls(make_url(f"{PG}?sslmode=verify-full&sslrootcert={junk}"))


def test_a_parameter_given_twice_is_refused() -> None:
    with pytest.raises(InvalidTlsSettings, match="more than once"):
        split_tls(make_url(f"{PG}?sslmode=require&sslmode=disable"))


def test_the_engine_factory_refuses_what_it_cannot_honour() -> None:
    with pytest.raises(ValueError, match="sslmode='on'"):
        create_engine(f"{PG}?sslmode=on")
