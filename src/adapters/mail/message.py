"""The MIME form of a domain e-mail, shared by every mailer that writes real messages."""

from email.message import EmailMessage as MimeMessage
from email.utils import formatdate, make_msgid, parseaddr

from domain.outbox import EmailMessage

SMTP_MAX_LINE = 998


def build_mime(message: EmailMessage, *, sender: str) -> MimeMessage:
    """A multipart/alternative message: the plain text first, the HTML as the preferred part.

    Raises ValueError when a header would be malformed (a line break in the subject, say).
    """
    mime = MimeMessage()
    mime["From"] = sender
    mime["To"] = message.to
    mime["Subject"] = message.subject
    mime["Date"] = formatdate(usegmt=True)
    # An explicit domain: make_msgid() would otherwise resolve the host name, which can block.
    mime["Message-ID"] = make_msgid(domain=_domain_of(sender))
    mime.set_content(message.text, cte=_transfer_encoding(message.text))
    mime.add_alternative(message.html, subtype="html", cte=_transfer_encoding(message.html))
    return mime


def _transfer_encoding(body: str) -> str | None:
    """7bit for ASCII text within SMTP's 998-character lines, so a sign-in link stays whole
    and readable in a saved .eml; otherwise (None) the library picks quoted-printable or
    base64. Both keep the message 7-bit clean for servers without 8BITMIME."""
    if body.isascii() and all(len(line) <= SMTP_MAX_LINE for line in body.splitlines()):
        return "7bit"
    return None


def _domain_of(address: str) -> str:
    return parseaddr(address)[1].rpartition("@")[2] or "localhost"
