"""Sign-in links from the e-mails the development mailer writes to its directory."""

import re
import time
from email import message_from_bytes
from email.policy import default
from pathlib import Path

LINK = re.compile(r"/auth/verify\?token=([A-Za-z0-9_\-]+)")


def mailed_token(mail_dir: Path, email: str, timeout_s: float = 15) -> str:
    """The token of the newest e-mail to `email`, waiting for it to be written."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        for path in sorted(mail_dir.glob("*.eml"), reverse=True) if mail_dir.exists() else []:
            message = message_from_bytes(path.read_bytes(), policy=default)
            if message["To"] == email:
                text = message.get_body(preferencelist=("plain",)).get_content()
                return LINK.search(text).group(1)  # type: ignore[union-attr]
        time.sleep(0.1)
    raise AssertionError(f"no e-mail to {email} in {mail_dir}")
