from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum

from domain.errors import InvalidInput
from domain.ids import UserId

_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
_EMAIL = re.compile(r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@" + _LABEL + r"(?:\." + _LABEL + r")+$")


@dataclass(frozen=True, slots=True)
class Email:
    """An e-mail address, normalised to lower case; at most 254 characters."""

    value: str

    def __post_init__(self) -> None:
        normalised = self.value.strip().lower()
        if len(normalised) > 254 or not _EMAIL.match(normalised) or ".." in normalised:
            raise InvalidInput("email is not a valid e-mail address", field="email")
        object.__setattr__(self, "value", normalised)

    def __str__(self) -> str:
        return self.value


DISPLAY_NAME_MAX = 100
# What a document cannot hold (XML 1.0): C0 controls but tab and line breaks, U+FFFE, U+FFFF.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def clean_display_name(value: str | None) -> str | None:
    """A name to print for a person: stripped, inner whitespace runs collapsed to one space,
    at most 100 characters, no control characters; empty (or None) means none."""
    if value is None:
        return None
    if _CONTROL.search(value):
        raise InvalidInput("display_name must not contain control characters",
                           field="display_name")
    cleaned = " ".join(value.split())
    if len(cleaned) > DISPLAY_NAME_MAX:
        raise InvalidInput(f"display_name must be at most {DISPLAY_NAME_MAX} characters",
                           field="display_name")
    return cleaned or None


class Role(StrEnum):
    USER = "user"
    ADMIN = "admin"


@dataclass(frozen=True, slots=True, kw_only=True)
class User:
    """A person who signs in by e-mail link.

    `token_version` grows on logout-all: access tokens minted for an older version stop working.
    `display_name` is the name the person goes by (title pages print it); None until given.
    """

    id: UserId
    email: Email
    role: Role
    created_at: datetime
    blocked: bool = False
    token_version: int = 0
    display_name: str | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "display_name", clean_display_name(self.display_name))

    @classmethod
    def register(cls, *, id: UserId, email: Email, admin_emails: frozenset[str],
                 now: datetime) -> User:
        role = Role.ADMIN if email.value in admin_emails else Role.USER
        return cls(id=id, email=email, role=role, created_at=now)

    @property
    def is_admin(self) -> bool:
        return self.role is Role.ADMIN

    def promote_to_admin(self) -> User:
        return replace(self, role=Role.ADMIN)

    def block(self) -> User:
        return replace(self, blocked=True, token_version=self.token_version + 1)

    def unblock(self) -> User:
        return replace(self, blocked=False)

    def renamed(self, name: str | None) -> User:
        """The user going by `name` (checked as `display_name`); None or blank clears it."""
        return replace(self, display_name=name)

    def revoke_access_tokens(self) -> User:
        return replace(self, token_version=self.token_version + 1)
