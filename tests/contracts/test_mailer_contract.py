"""The Mailer contract, for every adapter: what is sent arrives whole; a failure says so."""

from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from email import message_from_bytes
from email.message import EmailMessage as MimeMessage
from email.policy import default
from pathlib import Path

import pytest
from tests.smtp_server import SmtpTestServer

from adapters.mail.file import FileMailer
from adapters.mail.smtp import SmtpMailer
from adapters.memory.mailer import InMemoryMailer
from domain.outbox import EmailMessage
from domain.ports.mailer import MailDeliveryError, Mailer

SENDER = "TesiGo <no-reply@tesigo.test>"
LINK = "https://tesigo.test/auth/verify?token=abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG"


def a_message(n: int = 1) -> EmailMessage:
    return EmailMessage(to=f"user{n}@example.org", subject=f"Ссылка для входа №{n}",
                        text=f"Здравствуйте,\n\n{LINK}\n\nmessage {n}\n",
                        html=f'<p>Здравствуйте, <a href="{LINK}">войти</a> ({n})</p>\n')


@dataclass
class MailerUnderTest:
    mailer: Mailer
    received: Callable[[], list[EmailMessage]]
    break_transport: Callable[[], None]
    repair_transport: Callable[[], None]


@pytest.fixture(params=["memory", "smtp", "file"])
async def subject(request, tmp_path: Path) -> AsyncIterator[MailerUnderTest]:
    if request.param == "memory":
        memory = InMemoryMailer()
        yield MailerUnderTest(memory, lambda: list(memory.sent),
                              lambda: setattr(memory, "fail", True),
                              lambda: setattr(memory, "fail", False))
    elif request.param == "smtp":
        with SmtpTestServer() as server:
            smtp = SmtpMailer(host=server.host, port=server.port, sender=SENDER, timeout_s=5)
            yield MailerUnderTest(smtp, lambda: [as_domain(m) for m in server.messages],
                                  server.stop, server.start)
    else:
        directory = tmp_path / "mail"
        yield MailerUnderTest(FileMailer(directory=directory, sender=SENDER),
                              lambda: read_eml_files(directory),
                              lambda: block_directory(directory),
                              lambda: unblock_directory(directory))


def as_domain(mime: MimeMessage) -> EmailMessage:
    text, html = mime.get_body(("plain",)), mime.get_body(("html",))
    assert text is not None
    assert html is not None
    return EmailMessage(to=mime["To"], subject=mime["Subject"],
                        text=text.get_content().replace("\r\n", "\n"),
                        html=html.get_content().replace("\r\n", "\n"))


def read_eml_files(directory: Path) -> list[EmailMessage]:
    paths = sorted(directory.glob("*.eml")) if directory.is_dir() else []
    return [as_domain(message_from_bytes(p.read_bytes(), policy=default)) for p in paths]


def block_directory(directory: Path) -> None:
    if directory.exists():
        directory.rename(directory.with_name("set-aside"))
    directory.write_text("a file where the mail directory should be")


def unblock_directory(directory: Path) -> None:
    directory.unlink()
    if (set_aside := directory.with_name("set-aside")).exists():
        set_aside.rename(directory)


def by_recipient(messages: list[EmailMessage]) -> list[EmailMessage]:
    return sorted(messages, key=lambda m: m.to)


async def test_a_sent_message_arrives_whole(subject):
    await subject.mailer.send(a_message())

    assert subject.received() == [a_message()]


async def test_every_message_arrives(subject):
    for n in range(1, 4):
        await subject.mailer.send(a_message(n))

    assert by_recipient(subject.received()) == [a_message(n) for n in range(1, 4)]


async def test_a_failed_delivery_raises_and_keeps_the_body_out_of_the_error(subject):
    subject.break_transport()

    with pytest.raises(MailDeliveryError) as raised:
        await subject.mailer.send(a_message())

    assert LINK not in str(raised.value)
    assert "Здравствуйте" not in str(raised.value)
    assert subject.received() == []


async def test_delivery_resumes_when_the_transport_is_back(subject):
    await subject.mailer.send(a_message(1))
    subject.break_transport()
    with pytest.raises(MailDeliveryError):
        await subject.mailer.send(a_message(2))

    subject.repair_transport()
    await subject.mailer.send(a_message(3))

    assert [m.to for m in by_recipient(subject.received())] == [a_message(n).to for n in (1, 3)]
