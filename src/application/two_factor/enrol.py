from dataclasses import dataclass

from application.two_factor.policy import SecondFactorPolicy
from domain.ports.system import Clock
from domain.ports.transactions import TransactionManager
from domain.ports.two_factor import OneTimePasswords, SecondFactorRepository, SecretCipher
from domain.two_factor import SecondFactor, SecondFactorAlreadyEnabled
from domain.users import User


@dataclass(frozen=True, slots=True, kw_only=True)
class Enrolment:
    provisioning_uri: str
    secret: str


class EnrolSecondFactor:
    """Start enrolling a TOTP authenticator.

    - any signed-in user may enrol; a factor already switched on is refused
      (SecondFactorAlreadyEnabled): switch it off first
    - enrolling again before confirming replaces the unconfirmed secret
    - the secret is stored only encrypted; it is shown this once, with its otpauth:// URI
      (issuer `policy.issuer`, the account's e-mail)
    - nothing changes until a first valid code confirms it (`ConfirmSecondFactor`)
    """

    def __init__(self, factors: SecondFactorRepository, passwords: OneTimePasswords,
                 cipher: SecretCipher, tx: TransactionManager, clock: Clock,
                 policy: SecondFactorPolicy) -> None:
        self._factors, self._passwords, self._cipher = factors, passwords, cipher
        self._tx, self._clock, self._policy = tx, clock, policy

    async def __call__(self, user: User) -> Enrolment:
        existing = await self._factors.get(user.id)
        if existing is not None and existing.enabled:
            raise SecondFactorAlreadyEnabled
        secret = self._passwords.new_secret()
        factor = SecondFactor.enrol(user_id=user.id, secret_ciphertext=self._cipher.encrypt(secret),
                                    now=self._clock.now())
        if existing is not None:
            await self._factors.delete(user.id)
        await self._factors.add(factor)
        await self._tx.commit()
        uri = self._passwords.provisioning_uri(secret, account=user.email.value,
                                               issuer=self._policy.issuer)
        return Enrolment(provisioning_uri=uri, secret=secret)
