"""A second factor for signing in: a TOTP secret (RFC 6238) and single-use recovery codes."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from domain.errors import DomainError, InvalidInput, InvalidTransition
from domain.ids import UserId

ISSUER = "TesiGo"
RECOVERY_CODES = 10


class WrongSecondFactorCode(InvalidInput):
    default_message = "The code is wrong or has expired."

    def __init__(self, message: str | None = None) -> None:
        super().__init__(message, field="code")


class SecondFactorCodeReused(WrongSecondFactorCode):
    default_message = "This code was already used; wait for the next one."


class SecondFactorNotEnabled(InvalidTransition):
    default_message = "Two-factor authentication is not switched on for this account."


class SecondFactorAlreadyEnabled(InvalidTransition):
    default_message = ("Two-factor authentication is already switched on; switch it off "
                       "first to enrol again.")


class SecondFactorUnavailable(DomainError):
    default_message = ("Two-factor authentication is not configured on this server "
                       "(TOTP_ENCRYPTION_KEY is not set).")


def normalise_recovery_code(code: str) -> str:
    """What a recovery code is compared as: lower case, without spaces and dashes."""
    return "".join(code.split()).replace("-", "").lower()


@dataclass(frozen=True, slots=True, kw_only=True)
class SecondFactor:
    """A user's TOTP second factor.

    - enrolment stores the secret encrypted (`secret_ciphertext`); the factor is off until a
      first valid code confirms it
    - a time step is accepted once: a code of a step at or before `last_step` is a replay
    - each recovery code (kept only as a digest) works once
    - `version` grows with every change, so storage can refuse a save that lost a race
    """

    user_id: UserId
    secret_ciphertext: str
    created_at: datetime
    confirmed_at: datetime | None = None
    last_step: int | None = None
    recovery_digests: tuple[str, ...] = ()
    version: int = 0

    @classmethod
    def enrol(cls, *, user_id: UserId, secret_ciphertext: str, now: datetime) -> SecondFactor:
        return cls(user_id=user_id, secret_ciphertext=secret_ciphertext, created_at=now)

    @property
    def enabled(self) -> bool:
        return self.confirmed_at is not None

    def confirmed(self, *, recovery_digests: tuple[str, ...], now: datetime) -> SecondFactor:
        """Switched on, with fresh recovery codes, in the same change as the use of its first
        code (`used_step`); refused before a code was accepted or when already on."""
        if self.enabled:
            raise SecondFactorAlreadyEnabled
        if self.last_step is None:
            raise InvalidTransition("A first valid code must confirm the enrolment.")
        if len(set(recovery_digests)) != len(recovery_digests):
            raise InvalidInput("recovery codes must differ")
        return replace(self, confirmed_at=now, recovery_digests=recovery_digests)

    def used_step(self, step: int) -> SecondFactor:
        """The factor after accepting a code of time step `step`; a step at or before the
        last accepted one is refused with SecondFactorCodeReused."""
        if self.last_step is not None and step <= self.last_step:
            raise SecondFactorCodeReused
        return replace(self, last_step=step, version=self.version + 1)

    def used_recovery_code(self, code_digest: str) -> SecondFactor:
        """The factor without the recovery code of that digest; WrongSecondFactorCode when it
        is none of the unused ones."""
        if not self.enabled or code_digest not in self.recovery_digests:
            raise WrongSecondFactorCode
        left = tuple(d for d in self.recovery_digests if d != code_digest)
        return replace(self, recovery_digests=left, version=self.version + 1)
