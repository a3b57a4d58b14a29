from abc import abstractmethod
from datetime import datetime
from typing import Protocol

from domain.ids import UserId
from domain.two_factor import SecondFactor


class SecondFactorRepository(Protocol):
    """Each user's second factor; at most one per user.

    - `get` returns the user's factor, None when there is none.
    - `add` stores a new factor (version 0); Conflict when the user already has one.
    - `save` stores a changed factor whose `version` is one more than the stored one; when
      the stored version differs (a concurrent change won, e.g. the same code used twice at
      once) or nothing is stored, it raises Conflict and writes nothing.
    - `delete` removes the user's factor; nothing happens when there is none.
    Deleting the user deletes the factor.
    """

    @abstractmethod
    async def get(self, user_id: UserId) -> SecondFactor | None: ...

    @abstractmethod
    async def add(self, factor: SecondFactor) -> None: ...

    @abstractmethod
    async def save(self, factor: SecondFactor) -> None: ...

    @abstractmethod
    async def delete(self, user_id: UserId) -> None: ...


class OneTimePasswords(Protocol):
    """TOTP (RFC 6238: SHA-1, six digits, 30-second steps) and recovery codes.

    - `new_secret` is a fresh random base32 secret (160 bits).
    - `provisioning_uri` is the otpauth:// URI an authenticator app reads (as a QR code).
    - `matching_step` is the time step whose code equals `code`, looking one step either
      side of `now` for clock drift; None when none matches. Comparison is constant-time.
    - `new_recovery_codes(n)` are `n` distinct random codes of at least 60 bits each.
    """

    @abstractmethod
    def new_secret(self) -> str: ...

    @abstractmethod
    def provisioning_uri(self, secret: str, *, account: str, issuer: str) -> str: ...

    @abstractmethod
    def matching_step(self, secret: str, code: str, now: datetime) -> int | None: ...

    @abstractmethod
    def new_recovery_codes(self, n: int) -> list[str]: ...


class SecretCipher(Protocol):
    """Symmetric encryption of secrets kept at rest.

    - `encrypt` returns an authenticated ciphertext (text) that reveals nothing of the secret.
    - `decrypt` returns the secret; it raises SecondFactorUnavailable when the ciphertext was
      made with a key this cipher does not hold or was altered.
    Either raises SecondFactorUnavailable when no key is configured.
    """

    @abstractmethod
    def encrypt(self, secret: str) -> str: ...

    @abstractmethod
    def decrypt(self, ciphertext: str) -> str: ...
