from __future__ import annotations

from typing import Annotated

from msgspec import Meta

from application.two_factor.enrol import Enrolment
from application.two_factor.status import SecondFactorStatus
from entrypoints.http.schema_base import Strict, pattern

CODE_PATTERN = pattern(r"^[A-Za-z0-9 -]{6,32}$",
                       "must be a six-digit code or a recovery code")
Code = Annotated[str, Meta(min_length=6, max_length=32, pattern=CODE_PATTERN, description=(
    "A six-digit code from the authenticator app, or (where accepted) one of the recovery "
    "codes."))]


class CodeIn(Strict, kw_only=True, frozen=True):
    code: Code


class EnrolmentOut(Strict, kw_only=True, frozen=True):
    provisioning_uri: Annotated[str, Meta(description=(
        "otpauth:// URI for an authenticator app (show it as a QR code)."))]
    secret: Annotated[str, Meta(description="The base32 secret, for typing in by hand.")]

    @classmethod
    def of(cls, enrolment: Enrolment) -> EnrolmentOut:
        return cls(provisioning_uri=enrolment.provisioning_uri, secret=enrolment.secret)


class RecoveryCodesOut(Strict, kw_only=True, frozen=True):
    recovery_codes: Annotated[list[str], Meta(description=(
        "Ten single-use codes that stand in for the app; shown only this once."))]


class SecondFactorStatusOut(Strict, kw_only=True, frozen=True):
    enabled: bool
    recovery_codes_left: int

    @classmethod
    def of(cls, status: SecondFactorStatus) -> SecondFactorStatusOut:
        return cls(enabled=status.enabled, recovery_codes_left=status.recovery_codes_left)
