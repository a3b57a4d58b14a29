"""Per-IP limits on the sign-in endpoints and per-user limits on the rest of the API, with
Litestar's rate-limit middleware (a fixed window per identifier), storing a count per window."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from time import time
from typing import Any, cast

from litestar import Request
from litestar.exceptions import TooManyRequestsException
from litestar.middleware.base import DefineMiddleware
from litestar.middleware.rate_limit import (
    DURATION_VALUES,
    CacheObject,
    DurationUnit,
    RateLimitConfig,
    RateLimitMiddleware,
)
from litestar.stores.base import Store
from litestar.types import Receive, Scope, Send

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


@dataclass
class _Window(CacheObject):
    """A fixed window: how many requests it has seen (`history` stays empty)."""

    count: int = 0


class CountingRateLimitMiddleware(RateLimitMiddleware):
    """Litestar's RateLimitMiddleware with the same fixed window, limit, headers and 429, but
    the store holds "count reset" instead of a JSON list of every timestamp in the window,
    which it decoded and re-encoded on every request (work growing with the limit)."""

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        app = scope["litestar_app"]
        request: Request[Any, Any, Any] = app.request_class(scope)
        store = self.config.get_store_from_app(app)
        if await self.should_check_request(request=request):
            key = self.cache_key_from_request(request)
            async with self._lock:
                window = await self._window(key, store)
                if window.count >= self.max_requests:
                    raise TooManyRequestsException(
                        headers=self.create_response_headers(cache_object=window)
                        if self.config.set_rate_limit_headers else None)
                window.count += 1
                await store.set(key, f"{window.count} {window.reset}",
                                expires_in=DURATION_VALUES[self.unit])
            if self.config.set_rate_limit_headers:
                send = self.create_send_wrapper(send=send, cache_object=window)
        await self.app(scope, receive, send)

    async def _window(self, key: str, store: Store) -> _Window:
        now = int(time())
        cached = await store.get(key)
        if cached:
            count, reset = cached.split()
            if int(reset) > now:
                return _Window(history=[], reset=int(reset), count=int(count))
        return _Window(history=[], reset=now + DURATION_VALUES[self.unit])

    def create_response_headers(self, cache_object: CacheObject) -> dict[str, str]:
        count = (cache_object.count if isinstance(cache_object, _Window)
                 else len(cache_object.history))
        config = self.config
        return {
            config.rate_limit_policy_header_key:
                f"{self.max_requests}; w={DURATION_VALUES[self.unit]}",
            config.rate_limit_limit_header_key: str(self.max_requests),
            config.rate_limit_remaining_header_key: str(max(0, self.max_requests - count)),
            config.rate_limit_reset_header_key: str(cache_object.reset - int(time())),
        }


def _limit(rate: Rate, identify: Any) -> DefineMiddleware:
    unit = cast(DurationUnit, _UNIT_OF[rate.period_s])
    config = RateLimitConfig(rate_limit=(unit, rate.count), identifier_for_request=identify,
                             exclude_opt_key=EXCLUDE_KEY)
    return DefineMiddleware(CountingRateLimitMiddleware, config=config)


def sign_in_limit(rate: Rate) -> DefineMiddleware:
    return _limit(rate, _per_ip)


def api_limit(rate: Rate) -> DefineMiddleware:
    return _limit(rate, _per_caller)
