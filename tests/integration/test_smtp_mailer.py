import time

import pytest
from tests.smtp_server import SmtpTestServer

from adapters.mail.smtp import SmtpMailer
from domain.outbox import EmailMessage
from domain.ports.mailer import MailDeliveryError

SENDER = "TesiGo <no-reply@tesigo.test>"
LINK = "https://tesigo.test/auth/verify?token=abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG"
MESSAGE = EmailMessage(
    to="ada@example.org",
    subject="Ваша ссылка для входа — TesiGo",
    text=f"Hello,\n\nsign in here:\n\n{LINK}\n",
    html=f'<p>Hello,</p><p><a href="{LINK}">Sign in</a></p>\n',
)


def a_mailer(server: SmtpTestServer, timeout_s: float = 5.0) -> SmtpMailer:
    return SmtpMailer(host=server.host, port=server.port, sender=SENDER, timeout_s=timeout_s)


async def test_the_server_receives_both_parts_and_the_headers(smtp_server):
    await a_mailer(smtp_server).send(MESSAGE)

    [received] = smtp_server.messages
    assert received["From"] == SENDER
    assert received["To"] == MESSAGE.to
    assert received["Subject"] == MESSAGE.subject
    assert received["Message-ID"].endswith("@tesigo.test>")
    assert received.get_content_type() == "multipart/alternative"
    text, html = received.get_body(("plain",)), received.get_body(("html",))
    assert LINK in text.get_content()
    assert f'href="{LINK}"' in html.get_content()
    [envelope] = smtp_server.envelopes
    assert envelope.mail_from == "no-reply@tesigo.test"
    assert envelope.rcpt_tos == [MESSAGE.to]


async def test_a_stopped_server_fails_fast_without_the_body(smtp_server):
    smtp_server.stop()
    started = time.monotonic()

    with pytest.raises(MailDeliveryError) as raised:
        await a_mailer(smtp_server).send(MESSAGE)

    assert time.monotonic() - started < 2
    assert raised.value.__cause__ is not None
    assert LINK not in str(raised.value)
    assert "token" not in str(raised.value)


async def test_a_refused_message_is_a_delivery_error(smtp_server):
    smtp_server.reply = "554 Transaction failed"

    with pytest.raises(MailDeliveryError, match="554"):
        await a_mailer(smtp_server).send(MESSAGE)


async def test_delivery_works_again_once_the_server_is_back(smtp_server):
    mailer = a_mailer(smtp_server)
    smtp_server.stop()
    with pytest.raises(MailDeliveryError):
        await mailer.send(MESSAGE)

    smtp_server.start()
    await mailer.send(MESSAGE)

    assert [m["To"] for m in smtp_server.messages] == [MESSAGE.to]


async def test_a_line_break_in_the_subject_is_refused_before_sending(smtp_server):
    injected = EmailMessage(to=MESSAGE.to, subject="Hi\r\nBcc: eve@example.org",
                            text="t", html="h")

    with pytest.raises(MailDeliveryError):
        await a_mailer(smtp_server).send(injected)

    assert smtp_server.messages == []


async def test_starttls_is_required_when_asked_for_and_never_skipped(smtp_server):
    """The test server offers no STARTTLS: the mailer must refuse to send in clear text.

    A real STARTTLS handshake is not tested: it needs a certificate the mailer would trust.
    """
    mailer = SmtpMailer(host=smtp_server.host, port=smtp_server.port, sender=SENDER,
                        starttls=True, timeout_s=5)

    with pytest.raises(MailDeliveryError, match="STARTTLS"):
        await mailer.send(MESSAGE)

    assert smtp_server.messages == []
