"""Every error leaves as RFC 9457 problem details; nothing a client sends yields a stack
trace. One table maps domain errors to statuses."""

from __future__ import annotations

import math
from datetime import UTC, datetime
from http import HTTPStatus
from typing import Any

import structlog
from litestar import Request, Response
from litestar.exceptions import HTTPException, ValidationException

from domain.errors import (
    AccountBlocked,
    Conflict,
    DomainError,
    InvalidInput,
    InvalidMagicLink,
    InvalidTransition,
    NotAuthenticated,
    NotFound,
    PermissionDenied,
    RateLimited,
)
from domain.idempotency import IdempotencyKeyInUse, IdempotencyKeyReused
from domain.payments import InvalidWebhookSignature, PaymentsUnavailable
from domain.ports.exports import RenderFailed
from domain.ports.jobs import LeaseLost
from domain.ports.language_model import InvalidModelOutput, LanguageModelUnavailable
from domain.ports.sources import SourcesUnavailable
from domain.quota import InsufficientCredits, QuotaExceeded
from domain.uploads import FileTooLarge, UnreadableFile, UnsafeFile, UnsupportedFileType

PROBLEM_JSON = "application/problem+json"
STATUS_OF: dict[type[DomainError], int] = {
    InvalidInput: 422,
    InvalidMagicLink: 400,
    NotAuthenticated: 401,
    AccountBlocked: 403,
    PermissionDenied: 403,
    NotFound: 404,
    Conflict: 409,
    InvalidTransition: 409,
    RateLimited: 429,
    InsufficientCredits: 402,
    QuotaExceeded: 429,
    InvalidModelOutput: 502,
    LanguageModelUnavailable: 503,
    SourcesUnavailable: 503,
    IdempotencyKeyReused: 422,
    IdempotencyKeyInUse: 409,
    LeaseLost: 409,
    PaymentsUnavailable: 503,
    InvalidWebhookSignature: 400,
    RenderFailed: 503,
    UnsupportedFileType: 415,
    FileTooLarge: 413,
    UnsafeFile: 422,
    UnreadableFile: 422,
}
log = structlog.get_logger("tesigo.http")


def problem(status: int, detail: str, *, headers: dict[str, str] | None = None,
            **extra: Any) -> Response[dict[str, Any]]:
    body = {"type": "about:blank", "title": HTTPStatus(status).phrase, "status": status,
            "detail": detail, **extra}
    return Response(body, status_code=status, media_type=PROBLEM_JSON, headers=headers)


def status_of(error: DomainError) -> int:
    for cls in type(error).__mro__:
        if cls in STATUS_OF:
            return STATUS_OF[cls]
    return 400


def domain_error(_: Request[Any, Any, Any], error: DomainError) -> Response[dict[str, Any]]:
    status = status_of(error)
    headers: dict[str, str] = {}
    extra: dict[str, Any] = {}
    if isinstance(error, InvalidInput) and error.field:
        extra["errors"] = [{"field": error.field, "message": error.message}]
    if isinstance(error, RateLimited):
        headers["Retry-After"] = str(max(1, error.retry_after_s))
    if isinstance(error, QuotaExceeded):
        extra["limit"] = error.limit.value
        if error.resets_at is not None:
            extra["resets_at"] = error.resets_at.isoformat().replace("+00:00", "Z")
            wait = (error.resets_at - datetime.now(UTC)).total_seconds()
            headers["Retry-After"] = str(max(1, math.ceil(wait)))
    if isinstance(error, LanguageModelUnavailable) and error.retry_after_s:
        headers["Retry-After"] = str(max(1, math.ceil(error.retry_after_s)))
    if status == 401:
        headers["WWW-Authenticate"] = "Bearer"
    return problem(status, error.message, headers=headers, **extra)


def http_error(_: Request[Any, Any, Any], error: HTTPException) -> Response[dict[str, Any]]:
    headers = dict(error.headers or {})
    if error.status_code == 429 and "Retry-After" not in headers:
        headers["Retry-After"] = str(max(1, int(headers.get("RateLimit-Reset", "1"))))
    if isinstance(error, ValidationException):
        errors = [
            {"field": item.get("key"), "message": item.get("message"), "in": item.get("source")}
            for item in (error.extra if isinstance(error.extra, list) else [])
            if isinstance(item, dict)
        ]
        fields = ", ".join(str(e["field"]) for e in errors if e["field"])
        detail = f"Invalid request: {errors[0]['message']}" if errors else "Invalid request."
        if fields:
            detail = f"{detail} (field: {fields})"
        return problem(400, detail, headers=headers, errors=errors)
    detail = error.detail if error.status_code < 500 else HTTPStatus(error.status_code).phrase
    return problem(error.status_code, detail, headers=headers)


def unexpected_error(request: Request[Any, Any, Any], error: Exception) -> Response[dict[str, Any]]:
    log.error("unhandled error", path=request.url.path, method=request.method,
              exc_info=error)
    return problem(500, "Something went wrong on our side. It has been logged.")


EXCEPTION_HANDLERS: dict[type[Exception] | int, Any] = {
    DomainError: domain_error,
    HTTPException: http_error,
    Exception: unexpected_error,
}

