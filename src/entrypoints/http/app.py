"""The Litestar application: routes, errors, security, docs and metrics."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from dishka import AsyncContainer
from dishka.integrations.litestar import DishkaRouter, setup_dishka
from litestar import Litestar
from litestar.config.allowed_hosts import AllowedHostsConfig
from litestar.config.cors import CORSConfig
from litestar.openapi import OpenAPIConfig
from litestar.openapi.plugins import JsonRenderPlugin, SwaggerRenderPlugin
from litestar.openapi.spec import Components, SecurityScheme
from litestar.plugins.prometheus import PrometheusConfig, PrometheusController

from entrypoints.config import Settings
from entrypoints.http.controllers.account import AccountController
from entrypoints.http.controllers.admin import AdminController
from entrypoints.http.controllers.billing import BillingController
from entrypoints.http.controllers.documents import DocumentsController
from entrypoints.http.controllers.exports import ExportsController
from entrypoints.http.controllers.generation import GenerationController
from entrypoints.http.controllers.job_events import job_events
from entrypoints.http.controllers.jobs import GenerateController, JobsController
from entrypoints.http.controllers.operations import OperationsController
from entrypoints.http.controllers.sign_in import SignInController
from entrypoints.http.controllers.webhooks import WebhooksController
from entrypoints.http.errors import EXCEPTION_HANDLERS
from entrypoints.http.middleware import request_context
from entrypoints.http.rate_limits import api_limit, sign_in_limit

MAX_BODY_BYTES = 1 * 1024 * 1024
BEARER = {"BearerToken": []}  # type: ignore[var-annotated]


class MetricsController(PrometheusController):
    path = "/metrics"
    include_in_schema = False


def create_app(container: AsyncContainer, settings: Settings,
               on_startup: Sequence[Callable[..., Any]] = (),
               on_shutdown: Sequence[Callable[..., Any]] = ()) -> Litestar:
    sign_in = DishkaRouter("/api/v1/auth", route_handlers=[SignInController],
                           middleware=[sign_in_limit(settings.rate("signin"))])
    api = DishkaRouter("/", route_handlers=[DocumentsController, GenerationController,
                                             GenerateController, JobsController,
                                             BillingController, AdminController,
                                             ExportsController],
                       middleware=[api_limit(settings.rate("api"))], security=[BEARER])
    account = DishkaRouter("/api/v1/auth", route_handlers=[AccountController],
                           middleware=[api_limit(settings.rate("api"))], security=[BEARER])
    operations = DishkaRouter("/", route_handlers=[OperationsController, MetricsController,
                                                   job_events, WebhooksController])
    prometheus = PrometheusConfig(app_name="tesigo", prefix="tesigo", group_path=True,
                                  exclude=["/metrics"])
    app = Litestar(
        route_handlers=[sign_in, account, api, operations],
        exception_handlers=EXCEPTION_HANDLERS,
        middleware=[request_context(hsts=settings.is_production), prometheus.middleware],
        cors_config=CORSConfig(allow_origins=settings.cors_origins, allow_credentials=False,
                               allow_headers=["Authorization", "Content-Type",
                                              "Idempotency-Key", "X-Request-ID"])
        if settings.cors_origins else None,
        allowed_hosts=AllowedHostsConfig(allowed_hosts=settings.allowed_hosts),
        openapi_config=OpenAPIConfig(
            title="TesiGo API", version="1.0.0", path="/schema",
            render_plugins=[JsonRenderPlugin(), SwaggerRenderPlugin()],
            components=Components(security_schemes={"BearerToken": SecurityScheme(
                type="http", scheme="bearer", bearer_format="JWT")}),
        ),
        request_max_body_size=MAX_BODY_BYTES,
        debug=settings.debug,
        logging_config=None,  # structlog is configured once, by the entry point
        on_startup=list(on_startup),
        on_shutdown=list(on_shutdown),
    )
    setup_dishka(container, app)
    return app
