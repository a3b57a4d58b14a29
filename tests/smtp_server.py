"""A real SMTP server on 127.0.0.1 for tests (aiosmtpd in its own thread).

`stop()` then `start()` brings it back on the same port, for "SMTP down, then up" tests.
"""

from __future__ import annotations

import socket
from dataclasses import dataclass
from email import message_from_bytes
from email.message import EmailMessage
from email.policy import default
from typing import Any

from aiosmtpd.controller import Controller

HOST = "127.0.0.1"
ACCEPTED = "250 Message accepted for delivery"


@dataclass(frozen=True)
class Envelope:
    mail_from: str
    rcpt_tos: list[str]


class SmtpTestServer:
    """Collects what it receives in `messages` (parsed) and `envelopes` (sender, recipients).

    Set `reply` to an SMTP error line (e.g. "554 Transaction failed") to refuse messages.
    """

    def __init__(self, port: int | None = None) -> None:
        self.host, self.port = HOST, port or free_port()
        self.messages: list[EmailMessage] = []
        self.envelopes: list[Envelope] = []
        self.reply = ACCEPTED
        self._controller: Controller | None = None

    @property
    def running(self) -> bool:
        return self._controller is not None

    def start(self) -> None:
        if self._controller is None:
            # A stopped controller has closed its event loop: each start needs a new one.
            self._controller = Controller(self, hostname=self.host, port=self.port)
            self._controller.start()

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        if self.reply == ACCEPTED:
            parsed = message_from_bytes(envelope.original_content, policy=default)
            self.messages.append(parsed)
            self.envelopes.append(Envelope(envelope.mail_from, list(envelope.rcpt_tos)))
        return self.reply

    def __enter__(self) -> SmtpTestServer:
        self.start()
        return self

    def __exit__(self, *_: object) -> None:
        self.stop()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return int(probe.getsockname()[1])
