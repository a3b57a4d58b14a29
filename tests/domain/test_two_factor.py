"""The second factor's rules: one use per time step, one use per recovery code, confirmed
once; and the adapters that keep its secret (Fernet) and check its codes (pyotp)."""

from dataclasses import replace

import pyotp
import pytest
from cryptography.fernet import Fernet
from tests.builders import NOW, a_user, minutes

from adapters.auth.fernet_cipher import FernetSecretCipher, derived_key, parse_keys
from adapters.auth.totp import PyotpOneTimePasswords
from domain.errors import InvalidTransition
from domain.two_factor import (
    SecondFactor,
    SecondFactorAlreadyEnabled,
    SecondFactorCodeReused,
    SecondFactorUnavailable,
    WrongSecondFactorCode,
    normalise_recovery_code,
)

ADA = a_user()


def enrolled() -> SecondFactor:
    return SecondFactor.enrol(user_id=ADA.id, secret_ciphertext="sealed", now=NOW)


def switched_on() -> SecondFactor:
    return enrolled().used_step(100).confirmed(recovery_digests=("d1", "d2"), now=NOW)


def test_an_enrolment_is_off_until_a_first_code_confirms_it() -> None:
    assert not enrolled().enabled
    with pytest.raises(InvalidTransition):
        enrolled().confirmed(recovery_digests=("d1",), now=NOW)
    on = switched_on()
    assert on.enabled and on.recovery_digests == ("d1", "d2") and on.last_step == 100
    with pytest.raises(SecondFactorAlreadyEnabled):
        on.confirmed(recovery_digests=("d3",), now=NOW)


def test_a_time_step_is_accepted_once_and_never_an_earlier_one() -> None:
    on = switched_on()
    with pytest.raises(SecondFactorCodeReused):
        on.used_step(100)
    with pytest.raises(SecondFactorCodeReused):
        on.used_step(99)
    later = on.used_step(101)
    assert later.last_step == 101 and later.version == on.version + 1


def test_each_recovery_code_works_once() -> None:
    on = switched_on()
    used = on.used_recovery_code("d1")
    assert used.recovery_digests == ("d2",) and used.version == on.version + 1
    with pytest.raises(WrongSecondFactorCode):
        used.used_recovery_code("d1")
    with pytest.raises(WrongSecondFactorCode):  # not before the factor is on
        replace(enrolled(), recovery_digests=("d1",)).used_recovery_code("d1")


def test_recovery_codes_compare_without_case_spaces_and_dashes() -> None:
    assert normalise_recovery_code(" ABcd-efgh jkmn-p ") == "abcdefghjkmnp"


def test_the_stored_secret_is_not_the_secret_and_opens_only_with_its_key() -> None:
    secret = pyotp.random_base32()
    key = Fernet.generate_key().decode()
    sealed = FernetSecretCipher([key]).encrypt(secret)
    assert secret not in sealed and sealed != FernetSecretCipher([key]).encrypt(secret)
    assert FernetSecretCipher([key]).decrypt(sealed) == secret
    with pytest.raises(SecondFactorUnavailable):
        FernetSecretCipher([Fernet.generate_key().decode()]).decrypt(sealed)
    with pytest.raises(SecondFactorUnavailable):
        FernetSecretCipher([key]).decrypt(sealed[:-4] + "AAAA")


def test_a_rotated_key_list_still_opens_what_the_old_key_sealed() -> None:
    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    sealed = FernetSecretCipher([old]).encrypt("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")
    rotating = FernetSecretCipher(parse_keys(f"{new}, {old}"))
    assert rotating.decrypt(sealed) == "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
    assert FernetSecretCipher([new]).decrypt(rotating.encrypt("x")) == "x"
    with pytest.raises(ValueError, match="Fernet key"):
        parse_keys("not-a-key")
    assert derived_key("a" * 40) == derived_key("a" * 40) != derived_key("b" * 40)


def test_totp_matches_the_current_step_and_one_either_side_only() -> None:
    passwords = PyotpOneTimePasswords()
    secret = passwords.new_secret()
    totp = pyotp.TOTP(secret)
    step = int(NOW.timestamp()) // 30
    assert passwords.matching_step(secret, totp.at(NOW), NOW) == step
    assert passwords.matching_step(secret, totp.at(NOW - minutes(0.5)), NOW) == step - 1
    assert passwords.matching_step(secret, totp.at(NOW + minutes(0.5)), NOW) == step + 1
    assert passwords.matching_step(secret, totp.at(NOW - minutes(1.5)), NOW) is None


def test_the_provisioning_uri_names_the_issuer_and_the_account() -> None:
    passwords = PyotpOneTimePasswords()
    uri = passwords.provisioning_uri("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP", account="ada@example.com",
                                     issuer="TesiGo")
    assert uri.startswith("otpauth://totp/TesiGo:ada%40example.com?")
    assert "secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP" in uri and "issuer=TesiGo" in uri


def test_recovery_codes_are_distinct_and_long_enough() -> None:
    codes = PyotpOneTimePasswords().new_recovery_codes(10)
    assert len(set(codes)) == 10
    assert all(len(normalise_recovery_code(code)) == 13 for code in codes)
