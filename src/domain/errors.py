"""Domain errors. Entry points map them to protocol answers; nothing here knows HTTP."""

from __future__ import annotations


class DomainError(Exception):
    """Base of every rule the domain refuses to break."""

    default_message = "The request breaks a rule of the service."

    def __init__(self, message: str | None = None) -> None:
        self.message = message or self.default_message
        super().__init__(self.message)


class InvalidInput(DomainError):
    """A value does not satisfy its rules; `field` names the offending field."""

    default_message = "Invalid input."

    def __init__(self, message: str | None = None, *, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class NotFound(DomainError):
    default_message = "Not found."


class Conflict(DomainError):
    default_message = "The resource changed or already exists."


class InvalidTransition(DomainError):
    default_message = "That change is not allowed in the current state."


class InvalidMagicLink(DomainError):
    default_message = "The sign-in link is invalid, already used or expired."


class NotAuthenticated(DomainError):
    default_message = "Authentication is required or the credentials are invalid."


class RefreshTokenReused(NotAuthenticated):
    default_message = "This refresh token was already used; the session has been revoked."


class AccountBlocked(DomainError):
    default_message = "This account is blocked."


class PermissionDenied(DomainError):
    default_message = "You are not allowed to do this."


class RateLimited(DomainError):
    default_message = "Too many requests."

    def __init__(self, message: str | None = None, *, retry_after_s: int) -> None:
        super().__init__(message)
        self.retry_after_s = retry_after_s
