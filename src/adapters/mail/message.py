"""The MIME form of a domain e-mail, shared by every mailer that writes real messages."""

from email.message import EmailMessage as MimeMessage
from email.utils import formatdate, make_msgid, parseaddr

from domain.outbox import EmailMessage


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
    # Quoted-printable keeps the message 7-bit clean for servers without 8BITMIME.
    mime.set_content(message.text, cte="quoted-printable")
    mime.add_alternative(message.html, subtype="html", cte="quoted-printable")
    return mime


def _domain_of(address: str) -> str:
    return parseaddr(address)[1].rpartition("@")[2] or "localhost"
