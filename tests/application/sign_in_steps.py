import re

from tests.memory_container import Fakes

from application.auth.request_magic_link import MagicLinkRequest, RequestMagicLink
from application.auth.token_pair import TokenPair
from application.auth.verify_magic_link import VerifyMagicLink, VerifyMagicLinkRequest
from application.mail.deliver_outbox import DeliverOutbox

LINK = re.compile(r"https://tesigo\.test/auth/verify\?token=([A-Za-z0-9_\-]+)")


def last_token(fakes: Fakes) -> str:
    match = LINK.search(fakes.mailer.sent[-1].text)
    assert match, "no sign-in link in the last e-mail"
    return match.group(1)


async def sign_in(run, fakes: Fakes, email: str = "ada@example.com") -> TokenPair:  # type: ignore[no-untyped-def]
    await run(RequestMagicLink, MagicLinkRequest(email=email))
    await run(DeliverOutbox)
    return await run(VerifyMagicLink, VerifyMagicLinkRequest(token=last_token(fakes)))
