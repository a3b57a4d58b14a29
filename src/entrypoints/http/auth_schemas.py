from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from msgspec import UNSET, Meta, UnsetType

from application.auth.token_pair import TokenPair
from domain.users import DISPLAY_NAME_MAX, User
from entrypoints.http.schema_base import Strict, pattern, text

Token = Annotated[str, text(min_length=16, max_length=256)]
# What `domain.users.Email` accepts, said so that a JSON Schema can say it too: dot-atoms
# without two dots in a row (or a lone dot), then host labels of 1 to 63 characters.
_ATOM, _LABEL = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]", r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
EMAIL_PATTERN = pattern(rf"^(?:(?:\.?{_ATOM})+\.?|\.)@{_LABEL}(?:\.{_LABEL})+(?!\n)$",
                        "must be an e-mail address such as 'ada@example.com'")


class MagicLinkIn(Strict, kw_only=True, frozen=True):
    email: Annotated[str, Meta(max_length=254, pattern=EMAIL_PATTERN)]


class VerifyIn(Strict, kw_only=True, frozen=True):
    token: Token


class RefreshIn(Strict, kw_only=True, frozen=True):
    refresh_token: Token


DisplayName = Annotated[str, text(max_length=DISPLAY_NAME_MAX, description=(
    "The name the user goes by, printed as the author on title pages; blank or null clears "
    "it."))]


class ProfileIn(Strict, kw_only=True, frozen=True):
    display_name: DisplayName | UnsetType | None = UNSET


class DetailOut(Strict, kw_only=True, frozen=True):
    detail: str


class TokenPairOut(Strict, kw_only=True, frozen=True):
    access_token: str
    refresh_token: str
    expires_in: int
    token_type: Literal["bearer"] = "bearer"  # noqa: S105 - the scheme, not a secret

    @classmethod
    def of(cls, pair: TokenPair) -> TokenPairOut:
        return cls(access_token=pair.access_token, refresh_token=pair.refresh_token,
                   expires_in=pair.expires_in)


class UserOut(Strict, kw_only=True, frozen=True):
    id: str
    email: str
    display_name: str | None
    role: Literal["user", "admin"]
    created_at: datetime

    @classmethod
    def of(cls, user: User) -> UserOut:
        return cls(id=str(user.id), email=user.email.value, display_name=user.display_name,
                   role=user.role.value, created_at=user.created_at)
