import base64
import hashlib

from cryptography.fernet import Fernet, InvalidToken, MultiFernet

from domain.ports.two_factor import SecretCipher
from domain.two_factor import SecondFactorUnavailable


def derived_key(secret_key: str) -> str:
    """A Fernet key derived from SECRET_KEY: for development and tests only."""
    digest = hashlib.sha256(b"tesigo-totp-secrets:" + secret_key.encode()).digest()
    return base64.urlsafe_b64encode(digest).decode()


def parse_keys(value: str) -> list[str]:
    """TOTP_ENCRYPTION_KEY: one Fernet key, or several comma-separated during rotation
    (the first encrypts, every one decrypts). ValueError names what is wrong."""
    keys = [k.strip() for k in value.split(",") if k.strip()]
    if not keys:
        raise ValueError("no key given")
    for key in keys:
        try:
            Fernet(key)
        except ValueError:
            raise ValueError("each key must be a Fernet key (32 url-safe base64 bytes)") \
                from None
    return keys


class FernetSecretCipher(SecretCipher):
    """Fernet (AES-128-CBC + HMAC-SHA256). With several keys, the first encrypts and each
    decrypts, so keys can be rotated without losing the stored secrets."""

    def __init__(self, keys: list[str]) -> None:
        self._fernet = MultiFernet([Fernet(key) for key in keys])

    def encrypt(self, secret: str) -> str:
        return self._fernet.encrypt(secret.encode()).decode()

    def decrypt(self, ciphertext: str) -> str:
        try:
            return self._fernet.decrypt(ciphertext.encode()).decode()
        except InvalidToken:
            raise SecondFactorUnavailable("A stored TOTP secret cannot be decrypted with the "
                                          "configured TOTP_ENCRYPTION_KEY.") from None


class MissingSecretCipher(SecretCipher):
    """No key configured (production without TOTP_ENCRYPTION_KEY): nothing can be stored."""

    def encrypt(self, secret: str) -> str:
        raise SecondFactorUnavailable

    def decrypt(self, ciphertext: str) -> str:
        raise SecondFactorUnavailable
