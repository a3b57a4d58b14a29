"""The second factor over the in-memory adapters: enrolment, confirmation, verification,
no replay, single-use recovery codes, the attempt limit, encryption at rest, and the admin
role that waits for it."""

import pytest
from cryptography.fernet import Fernet
from tests.application.two_factor_steps import enrolled
from tests.memory_container import settings_for

from adapters.auth.fernet_cipher import FernetSecretCipher, derived_key
from application.auth.authenticate import Authenticate
from application.auth.refresh_session import RefreshRequest, RefreshSession
from application.two_factor.confirm import ConfirmRequest, ConfirmSecondFactor
from application.two_factor.disable import DisableRequest, DisableSecondFactor
from application.two_factor.enrol import EnrolSecondFactor
from application.two_factor.status import GetSecondFactorStatus
from application.two_factor.verify import VerifyRequest, VerifySecondFactor
from domain.errors import RateLimited
from domain.ports.two_factor import SecondFactorRepository
from domain.two_factor import (
    SecondFactorAlreadyEnabled,
    SecondFactorCodeReused,
    SecondFactorNotEnabled,
    SecondFactorUnavailable,
    WrongSecondFactorCode,
)
from domain.users import Role

BOSS = "boss@example.com"  # an admin in the test settings


@pytest.fixture
def settings():
    return settings_for(admin_2fa_required=True)


def code(factor, fakes) -> str:  # type: ignore[no-untyped-def]
    return factor.totp.at(fakes.clock.now())  # type: ignore[no-any-return]


def wrong_code(factor, fakes) -> str:  # type: ignore[no-untyped-def]
    """Six digits that are the code of no step near now."""
    now = int(fakes.clock.now().timestamp())
    near = {factor.totp.at(now + offset) for offset in (-30, 0, 30)}
    return next(c for c in ("000000", "111111", "222222", "333333") if c not in near)


async def stored(container, user_id):  # type: ignore[no-untyped-def]
    async with container() as scope:
        return await (await scope.get(SecondFactorRepository)).get(user_id)


async def test_enrolment_gives_an_otpauth_uri_and_stays_off_until_confirmed(
        run, fakes) -> None:
    ada = await enrolled(run, fakes, confirm=False)
    enrolment = await run(EnrolSecondFactor, ada.user)  # again: a new secret replaces it
    assert enrolment.provisioning_uri.startswith("otpauth://totp/TesiGo:ada%40example.com?")
    assert f"secret={enrolment.secret}" in enrolment.provisioning_uri
    assert "issuer=TesiGo" in enrolment.provisioning_uri
    status = await run(GetSecondFactorStatus, ada.user.id)
    assert not status.enabled and status.recovery_codes_left == 0
    with pytest.raises(SecondFactorNotEnabled):
        await run(VerifySecondFactor, VerifyRequest(user_id=ada.user.id, code="123456"))


async def test_confirmation_switches_it_on_with_ten_recovery_codes(run, fakes) -> None:
    ada = await enrolled(run, fakes, confirm=False)
    with pytest.raises(WrongSecondFactorCode):
        await run(ConfirmSecondFactor, ConfirmRequest(user_id=ada.user.id, code=wrong_code(
            ada, fakes)))
    assert not (await run(GetSecondFactorStatus, ada.user.id)).enabled
    codes = await run(ConfirmSecondFactor, ConfirmRequest(user_id=ada.user.id,
                                                          code=code(ada, fakes)))
    assert len(codes) == len(set(codes)) == 10
    status = await run(GetSecondFactorStatus, ada.user.id)
    assert status.enabled and status.recovery_codes_left == 10
    with pytest.raises(SecondFactorAlreadyEnabled):
        await run(EnrolSecondFactor, ada.user)


async def test_the_secret_is_stored_encrypted_and_opens_only_with_the_key(
        run, fakes, container, settings) -> None:
    ada = await enrolled(run, fakes)
    factor = await stored(container, ada.user.id)
    assert ada.totp.secret not in factor.secret_ciphertext
    key = FernetSecretCipher([derived_key(settings.secret_key)])
    assert key.decrypt(factor.secret_ciphertext) == ada.totp.secret
    with pytest.raises(SecondFactorUnavailable):
        FernetSecretCipher([Fernet.generate_key().decode()]).decrypt(factor.secret_ciphertext)
    assert not any(c in str(factor) for c in ada.recovery_codes)  # only digests are kept


async def test_verify_gives_a_session_whose_tokens_carry_the_admin_role(run, fakes) -> None:
    boss = await enrolled(run, fakes, BOSS)
    assert (await run(Authenticate, boss.pair.access_token)).role is Role.USER
    pair = await run(VerifySecondFactor, VerifyRequest(user_id=boss.user.id,
                                                       code=code(boss, fakes)))
    assert (await run(Authenticate, pair.access_token)).role is Role.ADMIN
    refreshed = await run(RefreshSession, RefreshRequest(refresh_token=pair.refresh_token))
    assert (await run(Authenticate, refreshed.access_token)).role is Role.ADMIN
    plain = await run(RefreshSession, RefreshRequest(refresh_token=boss.pair.refresh_token))
    assert (await run(Authenticate, plain.access_token)).role is Role.USER


async def test_a_code_is_accepted_once(run, fakes) -> None:
    ada = await enrolled(run, fakes)
    now_code = code(ada, fakes)
    await run(VerifySecondFactor, VerifyRequest(user_id=ada.user.id, code=now_code))
    with pytest.raises(SecondFactorCodeReused):
        await run(VerifySecondFactor, VerifyRequest(user_id=ada.user.id, code=now_code))
    fakes.clock.advance(seconds=30)
    await run(VerifySecondFactor, VerifyRequest(user_id=ada.user.id, code=code(ada, fakes)))


async def test_the_confirming_code_cannot_be_replayed(run, fakes) -> None:
    ada = await enrolled(run, fakes, confirm=False)
    first = code(ada, fakes)
    await run(ConfirmSecondFactor, ConfirmRequest(user_id=ada.user.id, code=first))
    with pytest.raises(SecondFactorCodeReused):
        await run(VerifySecondFactor, VerifyRequest(user_id=ada.user.id, code=first))


async def test_each_recovery_code_works_once(run, fakes) -> None:
    boss = await enrolled(run, fakes, BOSS)
    spoken = boss.recovery_codes[3].upper().replace("-", " ")
    pair = await run(VerifySecondFactor, VerifyRequest(user_id=boss.user.id, code=spoken))
    assert (await run(Authenticate, pair.access_token)).is_admin
    with pytest.raises(WrongSecondFactorCode):
        await run(VerifySecondFactor, VerifyRequest(user_id=boss.user.id,
                                                    code=boss.recovery_codes[3]))
    assert (await run(GetSecondFactorStatus, boss.user.id)).recovery_codes_left == 9


async def test_five_wrong_codes_in_15_minutes_lock_the_user_out(run, fakes) -> None:
    ada = await enrolled(run, fakes)
    other = await enrolled(run, fakes, "bob@example.com")
    for _ in range(5):
        fakes.clock.advance(seconds=60)
        with pytest.raises(WrongSecondFactorCode):
            await run(VerifySecondFactor, VerifyRequest(user_id=ada.user.id,
                                                        code=wrong_code(ada, fakes)))
    # the window opened with the first wrong code, four minutes ago
    with pytest.raises(RateLimited) as refused:  # even a right code, now
        await run(VerifySecondFactor, VerifyRequest(user_id=ada.user.id, code=code(ada, fakes)))
    assert 10 * 60 < refused.value.retry_after_s <= 11 * 60
    # another user is not affected
    await run(VerifySecondFactor, VerifyRequest(user_id=other.user.id,
                                                code=code(other, fakes)))
    fakes.clock.advance(seconds=refused.value.retry_after_s)
    await run(VerifySecondFactor, VerifyRequest(user_id=ada.user.id, code=code(ada, fakes)))


async def test_switching_off_needs_a_valid_code(run, fakes, container) -> None:
    ada = await enrolled(run, fakes)
    with pytest.raises(WrongSecondFactorCode):
        await run(DisableSecondFactor, DisableRequest(user_id=ada.user.id, code="not-a-code"))
    await run(DisableSecondFactor, DisableRequest(user_id=ada.user.id, code=code(ada, fakes)))
    assert await stored(container, ada.user.id) is None
    assert not (await run(GetSecondFactorStatus, ada.user.id)).enabled
    with pytest.raises(SecondFactorNotEnabled):
        await run(DisableSecondFactor, DisableRequest(user_id=ada.user.id, code="123456"))


async def test_a_user_who_is_no_admin_gains_nothing_from_it(run, fakes) -> None:
    ada = await enrolled(run, fakes)
    pair = await run(VerifySecondFactor, VerifyRequest(user_id=ada.user.id,
                                                       code=code(ada, fakes)))
    assert (await run(Authenticate, pair.access_token)).role is Role.USER
