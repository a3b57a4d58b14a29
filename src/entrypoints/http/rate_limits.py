"""Per-IP limits on the sign-in endpoints and per-user limits on the rest of the API:
Litestar's rate-limit middleware (its config, exclusions, headers and 429), counting in the
service's RateLimiter, so that every API process sharing REDIS_URL shares one count."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from time import time
from typing import Any, cast

from dishka import AsyncContainer
from litestar import Request
from litestar.exceptions import TooManyRequestsException
from litestar.middleware.base import DefineMiddleware
from litestar.middleware.rate_limit import (
    CacheObject,
    DurationUnit,
    RateLimitConfig,
    RateLimitMiddleware,
)
from litestar.types import ASGIApp, Receive, Scope, Send

from domain.errors import NotAuthenticated, RateLimited
from domain.ports.rate_limits import Rate, RateLimiter, RateWindow
from domain.ports.system import Clock
from domain.ports.tokens import TokenIssuer
from entrypoints.http.identity import bearer_token, client_ip

_UNIT_OF = {1: "second", 60: "minute", 3600: "hour", 86400: "day"}
EXCLUDE_KEY = "exclude_from_rate_limit"


@dataclass
class Services:
    limiter: RateLimiter
    issuer: TokenIssuer
    clock: Clock


Identify = Callable[[Request[Any, Any, Any], Services], str]


def _per_ip(request: Request[Any, Any, Any], _: Services) -> str:
    return f"sign-in:{client_ip(request)}"


def _per_caller(request: Request[Any, Any, Any], services: Services) -> str:
    """The user of a genuine access token (however its header is spelled, and across
    refreshed tokens); the client address for anything else. Only the signature and times
    are checked here: the handler still refuses a revoked token."""
    try:
        claims = services.issuer.verify(bearer_token(request), services.clock.now())
    except NotAuthenticated:
        return f"api-ip:{client_ip(request)}"
    return f"api-user:{claims.user_id}"


@dataclass
class _Window(CacheObject):
    """The window as Litestar's header code reads it (`history` stays empty)."""

    window: RateWindow | None = None


class CountingRateLimitMiddleware(RateLimitMiddleware):
    def __init__(self, app: ASGIApp, config: RateLimitConfig, rate: Rate,
                 identify: Identify) -> None:
        super().__init__(app, config)
        self._rate, self._identify = rate, identify
        self._services: Services | None = None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        app = scope["litestar_app"]
        request: Request[Any, Any, Any] = app.request_class(scope)
        if await self.should_check_request(request=request):
            services = self._services or await self._resolve(app.state.dishka_container)
            key = self._identify(request, services)
            try:
                window = await services.limiter.hit(key, self._rate)
            except RateLimited as refused:
                raise TooManyRequestsException(
                    detail=refused.message,
                    headers={**self._headers(RateWindow(self._rate, self._rate.count,
                                                        refused.retry_after_s)),
                             "Retry-After": str(max(1, refused.retry_after_s))},
                ) from None
            if self.config.set_rate_limit_headers:
                cached = _Window(history=[], reset=int(time()) + window.resets_in_s,
                                 window=window)
                send = self.create_send_wrapper(send=send, cache_object=cached)
        await self.app(scope, receive, send)

    async def _resolve(self, container: AsyncContainer) -> Services:
        self._services = Services(limiter=await container.get(RateLimiter),
                                  issuer=await container.get(TokenIssuer),
                                  clock=await container.get(Clock))
        return self._services

    def create_response_headers(self, cache_object: CacheObject) -> dict[str, str]:
        window = cache_object.window if isinstance(cache_object, _Window) else None
        if window is None:  # not ours: Litestar's own counting
            return super().create_response_headers(cache_object)
        return self._headers(window)

    def _headers(self, window: RateWindow) -> dict[str, str]:
        config = self.config
        return {
            config.rate_limit_policy_header_key: f"{window.rate.count}; w={window.rate.period_s}",
            config.rate_limit_limit_header_key: str(window.rate.count),
            config.rate_limit_remaining_header_key: str(window.remaining),
            config.rate_limit_reset_header_key: str(window.resets_in_s),
        }


def _limit(rate: Rate, identify: Identify) -> DefineMiddleware:
    unit = cast(DurationUnit, _UNIT_OF[rate.period_s])
    config = RateLimitConfig(rate_limit=(unit, rate.count), exclude_opt_key=EXCLUDE_KEY)
    return DefineMiddleware(CountingRateLimitMiddleware, config=config, rate=rate,
                            identify=identify)


def sign_in_limit(rate: Rate) -> DefineMiddleware:
    return _limit(rate, _per_ip)


def api_limit(rate: Rate) -> DefineMiddleware:
    return _limit(rate, _per_caller)


