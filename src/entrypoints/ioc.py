"""Which adapter serves which port. Used alike by the app, the worker, the CLI and tests;
tests pass providers that override some ports with in-memory adapters."""

from __future__ import annotations

from dishka import AsyncContainer, Provider, make_async_container
from dishka.integrations.litestar import LitestarProvider

from entrypoints.config import Settings
from entrypoints.http.identity import IdentityProvider
from entrypoints.web.wiring import WebProvider
from entrypoints.wiring.doi_lookup import DoiLookupProvider
from entrypoints.wiring.exports import ExportsProvider
from entrypoints.wiring.generation import GenerationProvider
from entrypoints.wiring.infrastructure import ConfigProvider, InfrastructureProvider
from entrypoints.wiring.jobs import JobsProvider
from entrypoints.wiring.oidc import OidcProvider
from entrypoints.wiring.payments import PaymentsProvider
from entrypoints.wiring.read_replica import ReplicaReadsProvider
from entrypoints.wiring.storage import SqlStorageProvider
from entrypoints.wiring.two_factor import TwoFactorProvider
from entrypoints.wiring.use_cases import UseCasesProvider


def make_container(settings: Settings, *overrides: Provider,
                   read_replica: bool = False) -> AsyncContainer:
    """`read_replica`: the API's container, whose read-only screens read DATABASE_REPLICA_URL
    when it is set (entrypoints/wiring/read_replica.py); the worker's and the CLI's read
    only the primary."""
    return make_async_container(
        ConfigProvider(settings), InfrastructureProvider(), SqlStorageProvider(),
        GenerationProvider(), DoiLookupProvider(), JobsProvider(), PaymentsProvider(),
        ExportsProvider(), UseCasesProvider(), IdentityProvider(), WebProvider(),
        OidcProvider(), TwoFactorProvider(),
        *([ReplicaReadsProvider()] if read_replica and settings.database_replica_url else []),
        LitestarProvider(),
        *overrides,
    )
