from html import escape

from domain.outbox import EmailMessage

_TEXT = """Hello,

use this link to sign in to TesiGo:

{link}

It works once and expires in {minutes} minutes. If you did not ask for it, ignore this message.
"""

_HTML = """<!doctype html>
<html><body style="font-family: sans-serif">
<p>Hello,</p>
<p>use this link to sign in to TesiGo:</p>
<p><a href="{link}">Sign in to TesiGo</a></p>
<p style="color:#555">It works once and expires in {minutes} minutes.
If you did not ask for it, ignore this message.</p>
</body></html>
"""


def sign_in_message(to: str, link: str, minutes: int) -> EmailMessage:
    """The e-mail that carries a sign-in link, as plain text and HTML."""
    return EmailMessage(
        to=to,
        subject="Your TesiGo sign-in link",
        text=_TEXT.format(link=link, minutes=minutes),
        html=_HTML.format(link=escape(link, quote=True), minutes=minutes),
    )
