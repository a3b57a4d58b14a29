from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from msgspec import Meta

from application.auth.token_pair import TokenPair
from domain.users import User
from entrypoints.http.schema_base import Strict

Token = Annotated[str, Meta(min_length=16, max_length=256)]



class MagicLinkIn(Strict, kw_only=True, frozen=True):
    email: Annotated[str, Meta(min_length=3, max_length=320)]


class VerifyIn(Strict, kw_only=True, frozen=True):
    token: Token


class RefreshIn(Strict, kw_only=True, frozen=True):
    refresh_token: Token


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
    role: Literal["user", "admin"]
    created_at: datetime

    @classmethod
    def of(cls, user: User) -> UserOut:
        return cls(id=str(user.id), email=user.email.value, role=user.role.value,
                   created_at=user.created_at)
