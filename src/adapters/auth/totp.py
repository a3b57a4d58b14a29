import hmac
import secrets
from datetime import datetime

import pyotp

from domain.ports.two_factor import OneTimePasswords

_STEP_S = 30
_RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"  # no 0/o, 1/l/i to misread
_RECOVERY_LENGTH = 13  # of 31 symbols: 64 bits


class PyotpOneTimePasswords(OneTimePasswords):
    """TOTP through pyotp; recovery codes from the `secrets` module, shown as
    `xxxx-xxxx-xxxx-x`."""

    def new_secret(self) -> str:
        return pyotp.random_base32()

    def provisioning_uri(self, secret: str, *, account: str, issuer: str) -> str:
        return pyotp.TOTP(secret, interval=_STEP_S).provisioning_uri(name=account,
                                                                     issuer_name=issuer)

    def matching_step(self, secret: str, code: str, now: datetime) -> int | None:
        totp = pyotp.TOTP(secret, interval=_STEP_S)
        step = int(now.timestamp()) // _STEP_S
        for candidate in (step - 1, step, step + 1):
            if hmac.compare_digest(totp.generate_otp(candidate), code):
                return candidate
        return None

    def new_recovery_codes(self, n: int) -> list[str]:
        codes: set[str] = set()
        while len(codes) < n:
            raw = "".join(secrets.choice(_RECOVERY_ALPHABET) for _ in range(_RECOVERY_LENGTH))
            codes.add("-".join(raw[i:i + 4] for i in range(0, _RECOVERY_LENGTH, 4)))
        return sorted(codes)
