"""Every error leaves as RFC 9457 problem details; nothing a client sends yields a stack
trace. One table maps domain errors to statuses."""

from __future__ import annotations

import math
from datetime import UTC, datetime
from http import HTTPStatus
from typing import Any

import msgspec
import structlog
from litestar import Request, Response
from litestar.exceptions import HTTPException, ValidationException
from litestar.handlers import HTTPRouteHandler

from application.generation.fit import GenerationDoesNotFit
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
from domain.oidc_sign_in import InvalidSignInState
from domain.payments import InvalidWebhookSignature, PaymentsUnavailable, UnreadableWebhookEvent
from domain.ports.doi_lookup import LookupTimedOut
from domain.ports.exports import RenderFailed
from domain.ports.identity_provider import IdentityProviderUnavailable
from domain.ports.jobs import LeaseLost
from domain.ports.language_model import InvalidModelOutput, LanguageModelUnavailable
from domain.ports.sources import SourcesUnavailable
from domain.ports.transactions import StorageBusy, StorageUnavailable
from domain.quota import InsufficientCredits, QuotaExceeded
from domain.two_factor import SecondFactorUnavailable
from domain.uploads import FileTooLarge, UnreadableFile, UnsafeFile, UnsupportedFileType
from entrypoints.http.job_schemas import EstimateOut
from entrypoints.http.validation import body_is_missing, summary, violations

PROBLEM_JSON = "application/problem+json"
STATUS_OF: dict[type[DomainError], int] = {
    InvalidInput: 422,
    InvalidMagicLink: 400,
    InvalidSignInState: 400,
    IdentityProviderUnavailable: 503,
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
    LookupTimedOut: 504,
    IdempotencyKeyReused: 422,
    IdempotencyKeyInUse: 409,
    LeaseLost: 409,
    PaymentsUnavailable: 503,
    InvalidWebhookSignature: 400,
    UnreadableWebhookEvent: 400,
    RenderFailed: 503,
    UnsupportedFileType: 415,
    FileTooLarge: 413,
    UnsafeFile: 422,
    UnreadableFile: 422,
    StorageBusy: 503,
    StorageUnavailable: 503,
    SecondFactorUnavailable: 503,
}
log = structlog.get_logger("tesigo.http")
STORAGE_RETRY_AFTER_S = 2  # a pool frees a connection, a restarting database is back, soon


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
    message = error.message
    if isinstance(error, RateLimited):
        retry_after = max(1, error.retry_after_s)
        headers["Retry-After"] = str(retry_after)
        if message == RateLimited.default_message:  # the raiser named no limit nor time
            message = f"{message} The limit resets in {_seconds(retry_after)}."
    if isinstance(error, QuotaExceeded):
        extra["limit"] = error.limit.value
        if isinstance(error, GenerationDoesNotFit):
            extra["estimate"] = msgspec.to_builtins(EstimateOut.of(error.estimate))
        if error.resets_at is not None:
            extra["resets_at"] = error.resets_at.isoformat().replace("+00:00", "Z")
            wait = (error.resets_at - datetime.now(UTC)).total_seconds()
            headers["Retry-After"] = str(max(1, math.ceil(wait)))
    if isinstance(error, LanguageModelUnavailable) and error.retry_after_s:
        headers["Retry-After"] = str(max(1, math.ceil(error.retry_after_s)))
    if isinstance(error, StorageBusy | StorageUnavailable):
        headers["Retry-After"] = str(STORAGE_RETRY_AFTER_S)
    if status == 401:
        headers["WWW-Authenticate"] = "Bearer"
    return problem(status, message, headers=headers, **extra)


def http_error(request: Request[Any, Any, Any], error: HTTPException) -> Response[dict[str, Any]]:
    """422 for a readable request that breaks a rule (every field named, with its rule);
    400 for one that cannot be read (a body that is not JSON, not UTF-8, too deep, absent)."""
    headers = dict(error.headers or {})
    status, detail = error.status_code, error.detail
    if status == 429 and "Retry-After" not in headers:
        headers["Retry-After"] = str(max(1, int(headers.get("RateLimit-Reset", "1"))))
    if status == 429 and detail == HTTPStatus(429).phrase:  # raised without saying more
        detail = f"Too many requests. The limit resets in {_seconds(int(headers['Retry-After']))}."
    if isinstance(error, ValidationException):
        found = violations(error)
        if body_is_missing(found):
            return problem(400, "The request body is empty; this endpoint needs a JSON body.",
                           headers=headers)
        return problem(422, summary(found), headers=headers, errors=found)
    handler = request.scope.get("route_handler")
    if status == 413 and isinstance(handler, HTTPRouteHandler) and (
            limit := handler.resolve_request_max_body_size()):
        detail = f"The request body is larger than the {limit:,} bytes it may have here."
    if status >= 500:
        detail = HTTPStatus(status).phrase
    return problem(status, detail, headers=headers)


def _seconds(count: int) -> str:
    return f"{count} second{'s' if count != 1 else ''}"


def unexpected_error(request: Request[Any, Any, Any], error: Exception) -> Response[dict[str, Any]]:
    log.error("unhandled error", path=request.url.path, method=request.method,
              exc_info=error)
    return problem(500, "Something went wrong on our side. It has been logged.")


EXCEPTION_HANDLERS: dict[type[Exception] | int, Any] = {
    DomainError: domain_error,
    HTTPException: http_error,
    Exception: unexpected_error,
}

