"""The second factor: TOTP, its encrypted secrets, attempts and use cases."""

from dishka import Provider, Scope, provide, provide_all

from adapters.auth.totp import PyotpOneTimePasswords
from adapters.sql.two_factor import SqlSecondFactorRepository
from application.two_factor.attempts import CodeAttempts
from application.two_factor.codes import SecondFactorCodes
from application.two_factor.confirm import ConfirmSecondFactor
from application.two_factor.disable import DisableSecondFactor
from application.two_factor.enrol import EnrolSecondFactor
from application.two_factor.policy import SecondFactorPolicy
from application.two_factor.status import GetSecondFactorStatus
from application.two_factor.verify import VerifySecondFactor
from domain.ports.two_factor import OneTimePasswords, SecondFactorRepository, SecretCipher
from entrypoints.config import Settings
from entrypoints.two_factor_config import admin_2fa_required, secret_cipher


class TwoFactorProvider(Provider):
    scope = Scope.REQUEST

    @provide(scope=Scope.APP)
    def policy(self, settings: Settings) -> SecondFactorPolicy:
        return SecondFactorPolicy(admin_required=admin_2fa_required(settings))

    @provide(scope=Scope.APP)
    def cipher(self, settings: Settings) -> SecretCipher:
        return secret_cipher(settings)

    passwords = provide(PyotpOneTimePasswords, provides=OneTimePasswords, scope=Scope.APP)
    attempts = provide(CodeAttempts, scope=Scope.APP)
    factors = provide(SqlSecondFactorRepository, provides=SecondFactorRepository)
    use_cases = provide_all(SecondFactorCodes, EnrolSecondFactor, ConfirmSecondFactor,
                            VerifySecondFactor, DisableSecondFactor, GetSecondFactorStatus)
