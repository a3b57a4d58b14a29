"""The Litestar application: routes, errors, security, docs and metrics."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from dishka import AsyncContainer
from dishka.integrations.litestar import DishkaRouter, setup_dishka
from litestar import Litestar
from litestar.config.cors import CORSConfig
from litestar.config.csrf import CSRFConfig
from litestar.exceptions import HTTPException
from litestar.plugins.jinja import JinjaTemplateEngine
from litestar.plugins.prometheus import PrometheusConfig, PrometheusController
from litestar.static_files import create_static_files_router
from litestar.template.config import TemplateConfig

from domain.errors import DomainError
from entrypoints.billing_config import credit_packs
from entrypoints.config import Settings
from entrypoints.http.allow_header import allow_every_method
from entrypoints.http.allowed_hosts import allowed_hosts
from entrypoints.http.client_address import trusted_proxies
from entrypoints.http.controllers.account import AccountController
from entrypoints.http.controllers.admin import AdminController
from entrypoints.http.controllers.billing import BillingController
from entrypoints.http.controllers.documents import DocumentsController
from entrypoints.http.controllers.exports import ExportsController
from entrypoints.http.controllers.generation import GenerationController
from entrypoints.http.controllers.job_events import job_events
from entrypoints.http.controllers.jobs import GenerateController, JobsController
from entrypoints.http.controllers.oidc import OidcController
from entrypoints.http.controllers.operations import OperationsController
from entrypoints.http.controllers.sign_in import SignInController
from entrypoints.http.controllers.steering import SteeringController
from entrypoints.http.controllers.subscriptions import SubscriptionsController
from entrypoints.http.controllers.two_factor import TwoFactorController
from entrypoints.http.controllers.webhooks import WebhooksController
from entrypoints.http.errors import EXCEPTION_HANDLERS
from entrypoints.http.metrics_access import metrics_access
from entrypoints.http.middleware import request_context
from entrypoints.http.openapi import api_docs
from entrypoints.http.rate_limits import api_limit, sign_in_limit
from entrypoints.http.request_body import ApiRequest
from entrypoints.http.request_metrics import request_metrics
from entrypoints.plans_config import subscription_plans
from entrypoints.web.account_pages import AccountPagesController
from entrypoints.web.admin_pages import AdminPagesController
from entrypoints.web.credits_pages import CreditsPagesController
from entrypoints.web.document_pages import DocumentPagesController
from entrypoints.web.flow import SignedOut, problem_page, signed_out
from entrypoints.web.i18n import install as install_languages
from entrypoints.web.labels import label, step, steps
from entrypoints.web.oidc_pages import OidcPagesController
from entrypoints.web.pages import PagesController, SignInPagesController
from entrypoints.web.security import NO_CSRF, page_headers
from entrypoints.web.steering_pages import SteeringPagesController

WEB = Path(__file__).parent.parent / "web"

MAX_BODY_BYTES = 1 * 1024 * 1024
BEARER = {"BearerToken": []}  # type: ignore[var-annotated]


class MetricsController(PrometheusController):
    path = "/metrics"
    include_in_schema = False
    guards = [metrics_access]  # METRICS_ALLOWED peers or METRICS_TOKEN; others get 404


def _teach_templates(engine: JinjaTemplateEngine) -> None:
    install_languages(engine.engine)
    engine.engine.globals.update(label=label, step=step, steps=steps)


def create_app(container: AsyncContainer, settings: Settings,
               on_startup: Sequence[Callable[..., Any]] = (),
               on_shutdown: Sequence[Callable[..., Any]] = ()) -> Litestar:
    sign_in = DishkaRouter("/api/v1/auth", route_handlers=[SignInController, OidcController],
                           middleware=[sign_in_limit(settings.rate("signin"))])
    api = DishkaRouter("/", route_handlers=[DocumentsController, GenerationController,
                                             GenerateController, JobsController,
                                             BillingController, SubscriptionsController,
                                             AdminController,
                                             ExportsController, SteeringController],
                       middleware=[api_limit(settings.rate("api"))], security=[BEARER])
    account = DishkaRouter("/api/v1/auth",
                           route_handlers=[AccountController, TwoFactorController],
                           middleware=[api_limit(settings.rate("api"))], security=[BEARER])
    operations = DishkaRouter("/", route_handlers=[OperationsController, MetricsController,
                                                   job_events, WebhooksController])
    headers = page_headers(settings)
    web_sign_in = DishkaRouter("/", route_handlers=[SignInPagesController, OidcPagesController],
                               middleware=[sign_in_limit(settings.rate("signin"))],
                               response_headers=headers,
                               include_in_schema=False)
    web = DishkaRouter("/", route_handlers=[PagesController, DocumentPagesController,
                                             CreditsPagesController, AdminPagesController,
                                             SteeringPagesController, AccountPagesController],
                       middleware=[api_limit(settings.rate("api"))],
                       response_headers=headers, exception_handlers={
                           SignedOut: signed_out, DomainError: problem_page,
                           HTTPException: problem_page},
                       include_in_schema=False)
    static = create_static_files_router(path="/static", directories=[WEB / "static"],
                                        include_in_schema=False)
    prometheus = PrometheusConfig(app_name="tesigo", prefix="tesigo", group_path=True,
                                  exclude=["/metrics"])
    app = Litestar(
        route_handlers=[sign_in, account, api, operations, web_sign_in, web, static],
        template_config=TemplateConfig(directory=WEB / "templates", engine=JinjaTemplateEngine,
                                       engine_callback=_teach_templates),
        csrf_config=CSRFConfig(secret=settings.secret_key, cookie_secure=settings.is_production,
                               cookie_httponly=True, exclude=NO_CSRF),
        exception_handlers=EXCEPTION_HANDLERS,
        middleware=[*([trusted_proxies(settings.trusted_proxies)] if settings.trusted_proxies
                      else []),
                    allowed_hosts(settings.allowed_hosts), request_metrics(prometheus)],
        cors_config=CORSConfig(allow_origins=settings.cors_origins, allow_credentials=False,
                               allow_headers=["Authorization", "Content-Type",
                                              "Idempotency-Key", "X-Request-ID"])
        if settings.cors_origins else None,
        openapi_config=api_docs(
            packs=[p.id for p in credit_packs(settings.credit_packs)],
            plans=[p.id for p in subscription_plans(settings.subscription_plans)
                   if p.price_id(settings.payment_provider)]),
        request_max_body_size=MAX_BODY_BYTES,
        request_class=ApiRequest,
        before_send=[allow_every_method()],
        debug=settings.debug,
        logging_config=None,  # structlog is configured once, by the entry point
        on_startup=list(on_startup),
        on_shutdown=list(on_shutdown),
    )
    # Around Litestar's own handler rather than in `middleware`: route middleware never sees
    # the answers routing gives itself (404, 405), which need the headers (HSTS) as well.
    app.asgi_handler = request_context(hsts=settings.is_production)(app.asgi_handler)
    app.state.oidc_name = settings.oidc_name if settings.oidc_enabled else None  # the button
    setup_dishka(container, app)
    return app
