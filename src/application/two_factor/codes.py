from dataclasses import replace

from application.two_factor.attempts import CodeAttempts
from domain.digests import digest
from domain.ports.system import Clock
from domain.ports.two_factor import OneTimePasswords, SecretCipher
from domain.two_factor import SecondFactor, WrongSecondFactorCode, normalise_recovery_code

TOTP_DIGITS = 6


class SecondFactorCodes:
    """Checks a code against a user's factor and returns the factor as it is after the use.

    - six digits are a TOTP code: it must be the code of the current time step or one
      either side, and of a step later than the last accepted one (no replay)
    - anything else is a recovery code (spaces, dashes and case do not matter), accepted once
      and only where `recovery` is allowed
    - a wrong code counts against the user's attempts (`CodeAttempts`); past the limit every
      code is refused with RateLimited
    - an accepted TOTP code re-encrypts the secret with the cipher's current key (rotation)
    """

    def __init__(self, passwords: OneTimePasswords, cipher: SecretCipher,
                 attempts: CodeAttempts, clock: Clock) -> None:
        self._passwords, self._cipher = passwords, cipher
        self._attempts, self._clock = attempts, clock

    async def accept(self, factor: SecondFactor, code: str, *,
                     recovery: bool = True) -> SecondFactor:
        await self._attempts.check(factor.user_id)
        try:
            return self._used(factor, code, recovery)
        except WrongSecondFactorCode:
            await self._attempts.failed(factor.user_id)
            raise

    def _used(self, factor: SecondFactor, code: str, recovery: bool) -> SecondFactor:
        compact = "".join(code.split())
        if not (len(compact) == TOTP_DIGITS and compact.isdigit()):
            if not recovery:
                raise WrongSecondFactorCode
            return factor.used_recovery_code(digest(normalise_recovery_code(code)))
        secret = self._cipher.decrypt(factor.secret_ciphertext)
        step = self._passwords.matching_step(secret, compact, self._clock.now())
        if step is None:
            raise WrongSecondFactorCode
        return replace(factor.used_step(step), secret_ciphertext=self._cipher.encrypt(secret))
