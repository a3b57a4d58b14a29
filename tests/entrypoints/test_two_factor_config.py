"""ADMIN_2FA_REQUIRED and TOTP_ENCRYPTION_KEY: on in production by default, a real key
required there when admins are named, a derived key elsewhere."""

import pytest
from cryptography.fernet import Fernet

from adapters.auth.fernet_cipher import FernetSecretCipher, MissingSecretCipher
from domain.two_factor import SecondFactorUnavailable
from entrypoints.config import ConfigError, load_settings
from entrypoints.two_factor_config import admin_2fa_required, secret_cipher

PROD = {"ENVIRONMENT": "production", "SECRET_KEY": "s" * 40, "SMTP_HOST": "smtp.example.com",
        "ALLOWED_HOSTS": "tesigo.example.com"}
KEY = Fernet.generate_key().decode()


def test_required_by_default_in_production_only() -> None:
    assert admin_2fa_required(load_settings(PROD))
    assert not admin_2fa_required(load_settings({}))
    assert admin_2fa_required(load_settings({"ADMIN_2FA_REQUIRED": "true"}))
    assert not admin_2fa_required(load_settings({**PROD, "ADMIN_2FA_REQUIRED": "false"}))


def test_production_with_admins_needs_the_key() -> None:
    with pytest.raises(ConfigError, match="TOTP_ENCRYPTION_KEY"):
        load_settings({**PROD, "ADMIN_EMAILS": "boss@example.com"})
    assert load_settings({**PROD, "ADMIN_EMAILS": "boss@example.com",
                          "TOTP_ENCRYPTION_KEY": KEY})
    assert load_settings({**PROD, "ADMIN_EMAILS": "boss@example.com",
                          "ADMIN_2FA_REQUIRED": "false"})


def test_a_key_that_is_no_fernet_key_is_refused_anywhere() -> None:
    with pytest.raises(ConfigError, match="TOTP_ENCRYPTION_KEY"):
        load_settings({"TOTP_ENCRYPTION_KEY": "secret"})
    assert load_settings({"TOTP_ENCRYPTION_KEY": f"{KEY},{Fernet.generate_key().decode()}"})


def test_the_key_is_never_shown() -> None:
    assert KEY not in repr(load_settings({"TOTP_ENCRYPTION_KEY": KEY}))


def test_which_cipher_each_setting_gets() -> None:
    sealed = secret_cipher(load_settings({"TOTP_ENCRYPTION_KEY": KEY})).encrypt("x")
    assert FernetSecretCipher([KEY]).decrypt(sealed) == "x"
    derived = secret_cipher(load_settings({}))
    assert derived.decrypt(derived.encrypt("x")) == "x"
    missing = secret_cipher(load_settings(PROD))
    assert isinstance(missing, MissingSecretCipher)
    with pytest.raises(SecondFactorUnavailable):
        missing.encrypt("x")
