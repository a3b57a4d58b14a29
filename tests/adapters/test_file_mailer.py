import os
import stat
from email import message_from_bytes
from email.policy import default

import pytest
from structlog.testing import capture_logs

from adapters.mail.file import FileMailer
from domain.outbox import EmailMessage
from domain.ports.mailer import MailDeliveryError

SENDER = "TesiGo <no-reply@tesigo.test>"
LINK = "https://tesigo.test/auth/verify?token=abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG"
MESSAGE = EmailMessage(to="ada@example.org", subject="Ваша ссылка для входа",
                       text=f"Привет,\n\n{LINK}\n\nIt works once.\n",
                       html=f'<p><a href="{LINK}">Войти</a></p>\n')


async def test_each_message_becomes_an_eml_file_with_both_parts(tmp_path):
    directory = tmp_path / "mail" / "out"

    await FileMailer(directory=directory, sender=SENDER).send(MESSAGE)

    [path] = directory.iterdir()
    assert path.suffix == ".eml"
    raw = path.read_bytes()
    assert b"\r\n" in raw
    parsed = message_from_bytes(raw, policy=default)
    assert (parsed["From"], parsed["To"], parsed["Subject"]) == (SENDER, MESSAGE.to,
                                                                 MESSAGE.subject)
    assert parsed.get_content_type() == "multipart/alternative"
    assert LINK in parsed.get_body(("plain",)).get_content()
    assert f'href="{LINK}"' in parsed.get_body(("html",)).get_content()


async def test_files_are_private_and_no_temporary_file_is_left(tmp_path):
    mailer = FileMailer(directory=tmp_path, sender=SENDER)

    for _ in range(3):
        await mailer.send(MESSAGE)

    names = sorted(os.listdir(tmp_path))
    assert len(names) == 3
    assert all(name.endswith(".eml") and not name.startswith(".") for name in names)
    assert all(stat.S_IMODE((tmp_path / name).stat().st_mode) == 0o600 for name in names)


async def test_echo_logs_the_sign_in_link_in_development(tmp_path):
    with capture_logs() as logs:
        await FileMailer(directory=tmp_path, sender=SENDER, echo_links=True).send(MESSAGE)

    [event] = logs
    assert event["event"] == "sign-in link (development only)"
    assert event["log_level"] == "info"
    assert event["link"] == LINK
    [path] = tmp_path.iterdir()
    assert event["file"] == str(path)


async def test_without_echo_nothing_is_logged(tmp_path):
    with capture_logs() as logs:
        await FileMailer(directory=tmp_path, sender=SENDER).send(MESSAGE)

    assert logs == []


async def test_an_unwritable_directory_is_a_delivery_error(tmp_path):
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("")

    with pytest.raises(MailDeliveryError) as raised:
        await FileMailer(directory=blocker, sender=SENDER).send(MESSAGE)

    assert isinstance(raised.value.__cause__, OSError)
    assert LINK not in str(raised.value)


async def test_an_ascii_link_stays_readable_in_the_saved_file_and_all_stays_7bit(tmp_path):
    english = EmailMessage(to="ada@example.org", subject="Your link",
                           text=f"Hello,\n\n{LINK}\n", html=f'<a href="{LINK}">Sign in</a>')
    await FileMailer(directory=tmp_path / "en", sender=SENDER).send(english)
    await FileMailer(directory=tmp_path / "ru", sender=SENDER).send(MESSAGE)
    [plain] = (tmp_path / "en").iterdir()
    [cyrillic] = (tmp_path / "ru").iterdir()
    assert LINK.encode() in plain.read_bytes()  # the README greps it out of ./var/mail
    assert all(byte < 128 for byte in plain.read_bytes() + cyrillic.read_bytes())
