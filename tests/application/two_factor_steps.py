"""Enrolling and confirming a second factor through the use cases, as a client would."""

from dataclasses import dataclass

import pyotp
from tests.application.sign_in_steps import sign_in

from application.auth.authenticate import Authenticate
from application.auth.token_pair import TokenPair
from application.two_factor.confirm import ConfirmRequest, ConfirmSecondFactor
from application.two_factor.enrol import EnrolSecondFactor
from domain.users import User


@dataclass
class Enrolled:
    user: User
    pair: TokenPair
    totp: pyotp.TOTP
    recovery_codes: list[str]


async def enrolled(run, fakes, email: str = "ada@example.com", *,  # type: ignore[no-untyped-def]
                   confirm: bool = True) -> Enrolled:
    pair = await sign_in(run, fakes, email)
    user = await run(Authenticate, pair.access_token)
    enrolment = await run(EnrolSecondFactor, user)
    totp = pyotp.TOTP(enrolment.secret)
    codes: list[str] = []
    if confirm:
        codes = await run(ConfirmSecondFactor, ConfirmRequest(
            user_id=user.id, code=totp.at(fakes.clock.now())))
        fakes.clock.advance(seconds=30)  # the next code is of a later step
    return Enrolled(user=user, pair=pair, totp=totp, recovery_codes=codes)
