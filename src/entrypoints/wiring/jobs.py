"""Live job events (Litestar channels) and the job policy."""

from collections.abc import AsyncIterator

from dishka import AsyncContainer, Provider, Scope, provide
from litestar.channels import ChannelsPlugin
from litestar.channels.backends.base import ChannelsBackend
from litestar.channels.backends.memory import MemoryChannelsBackend

from adapters.events.channels_publisher import ChannelsJobEventPublisher
from adapters.events.pg_channels import ReconnectingPgChannelsBackend
from adapters.sql.listener import asyncpg_connector
from application.jobs.job_steps import JobSteps
from application.jobs.policy import JobPolicy
from domain.ports.job_events import JobEventPublisher
from entrypoints.config import Settings
from entrypoints.wiring.job_steps import ContainerJobSteps

SUBSCRIBER_BACKLOG = 1000


def channels_backend(settings: Settings) -> ChannelsBackend:
    """PostgreSQL LISTEN/NOTIFY between processes, published on one kept connection and
    listening again after the database comes back; in memory for the embedded SQLite
    default, whose worker runs inside the API process."""
    if settings.uses_sqlite:
        return MemoryChannelsBackend()
    return ReconnectingPgChannelsBackend(
        asyncpg_connector(settings.database_url, timeout_s=settings.db_pool_timeout_s),
        publish_timeout_s=settings.db_pool_timeout_s)


class JobsProvider(Provider):
    scope = Scope.APP
    publisher = provide(ChannelsJobEventPublisher, provides=JobEventPublisher)

    @provide
    def steps(self, container: AsyncContainer) -> JobSteps:
        return ContainerJobSteps(container)

    @provide
    def policy(self, settings: Settings) -> JobPolicy:
        return JobPolicy(lease_s=settings.job_lease_s, backoff_base_s=settings.job_retry_s)

    @provide
    async def channels(self, settings: Settings) -> AsyncIterator[ChannelsPlugin]:
        plugin = ChannelsPlugin(backend=channels_backend(settings),
                                arbitrary_channels_allowed=True,
                                subscriber_max_backlog=SUBSCRIBER_BACKLOG,
                                subscriber_backlog_strategy="dropleft")
        async with plugin:
            yield plugin
