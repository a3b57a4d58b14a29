"""The admin second factor's settings: whether it is required and the key of its secrets."""

from __future__ import annotations

from typing import TYPE_CHECKING

from adapters.auth.fernet_cipher import (
    FernetSecretCipher,
    MissingSecretCipher,
    derived_key,
    parse_keys,
)
from domain.ports.two_factor import SecretCipher

if TYPE_CHECKING:
    from entrypoints.config import Settings


def admin_2fa_required(settings: Settings) -> bool:
    """ADMIN_2FA_REQUIRED; unset, it is on in production and off elsewhere."""
    if settings.admin_2fa_required is None:
        return settings.is_production
    return settings.admin_2fa_required


def second_factor_problem(settings: Settings) -> str | None:
    """What is wrong with the second-factor settings, if anything."""
    if settings.totp_encryption_key is not None:
        try:
            parse_keys(settings.totp_encryption_key)
        except ValueError as error:
            return f"TOTP_ENCRYPTION_KEY: {error}"
    elif settings.is_production and admin_2fa_required(settings) and settings.admin_emails:
        return ("TOTP_ENCRYPTION_KEY must be set in production when ADMIN_2FA_REQUIRED is on "
                "and ADMIN_EMAILS names admins (generate one with `python -c \"from "
                "cryptography.fernet import Fernet; print(Fernet.generate_key().decode())\"`)")
    return None


def secret_cipher(settings: Settings) -> SecretCipher:
    """TOTP_ENCRYPTION_KEY's cipher; without it, outside production, a key derived from
    SECRET_KEY (development and tests only); in production without it, none."""
    if settings.totp_encryption_key is not None:
        return FernetSecretCipher(parse_keys(settings.totp_encryption_key))
    if settings.is_production:
        return MissingSecretCipher()
    return FernetSecretCipher([derived_key(settings.secret_key)])
