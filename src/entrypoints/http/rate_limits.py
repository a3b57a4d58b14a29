"""Per-IP limits on the sign-in endpoints and per-user limits on the rest of the API, with
Litestar's rate-limit middleware (a fixed window per identifier)."""

from __future__ import annotations

import hashlib
from typing import Any, cast

from litestar import Request
from litestar.middleware.base import DefineMiddleware
from litestar.middleware.rate_limit import DurationUnit, RateLimitConfig

from domain.ports.rate_limits import Rate
from entrypoints.http.identity import client_ip

_UNIT_OF = {1: "second", 60: "minute", 3600: "hour", 86400: "day"}
EXCLUDE_KEY = "exclude_from_rate_limit"


def _per_ip(request: Request[Any, Any, Any]) -> str:
    return f"sign-in:{client_ip(request)}"


def _per_caller(request: Request[Any, Any, Any]) -> str:
    credentials = request.headers.get("authorization")
    if credentials:  # a digest of the credentials: no verification work before the handler
        return "api:" + hashlib.sha256(credentials.encode()).hexdigest()[:32]
    return f"api-ip:{client_ip(request)}"


def _limit(rate: Rate, identify: Any) -> DefineMiddleware:
    unit = cast(DurationUnit, _UNIT_OF[rate.period_s])
    return RateLimitConfig(rate_limit=(unit, rate.count), identifier_for_request=identify,
                           exclude_opt_key=EXCLUDE_KEY).middleware


def sign_in_limit(rate: Rate) -> DefineMiddleware:
    return _limit(rate, _per_ip)


def api_limit(rate: Rate) -> DefineMiddleware:
    return _limit(rate, _per_caller)
