"""The worker's operational gauges and counters move when the thing they count happens:
the outbox's depth after a delivery round, reservations that housekeeping had to release."""

from collections.abc import AsyncIterator
from uuid import UUID

import pytest
from dishka import AsyncContainer
from prometheus_client import REGISTRY
from tests.memory_container import Fakes, memory_container, settings_for

from application.auth.request_magic_link import MagicLinkRequest, RequestMagicLink
from domain.ids import UserId
from domain.ports.quota import QuotaLedger
from domain.ports.transactions import TransactionManager
from domain.quota import LedgerReason, QuotaLimits
from entrypoints.worker.runner import Worker

LIMITS = QuotaLimits(daily_tokens=1_000_000, global_daily_tokens=10_000_000)


@pytest.fixture
def fakes() -> Fakes:
    return Fakes()


@pytest.fixture
async def container(fakes: Fakes) -> AsyncIterator[AsyncContainer]:
    container = memory_container(fakes, settings_for())
    yield container
    await container.close()


def sample(name: str) -> float:
    return REGISTRY.get_sample_value(name) or 0.0


async def test_the_outbox_gauge_is_its_depth_after_a_round(
        container: AsyncContainer, fakes: Fakes) -> None:
    async with container() as scope:
        await (await scope.get(RequestMagicLink))(MagicLinkRequest(email="ada@example.com"))
    fakes.mailer.fail = True
    await Worker(container).deliver_mail()
    assert sample("tesigo_email_outbox_pending") == 1  # failed once, still to deliver

    fakes.mailer.fail = False
    fakes.clock.advance(seconds=6)
    await Worker(container).deliver_mail()
    assert sample("tesigo_email_outbox_pending") == 0


async def test_housekeeping_counts_the_reservations_it_released(
        container: AsyncContainer, fakes: Fakes) -> None:
    user = UserId(UUID("00000000-0000-0000-0000-00000000abcd"))
    async with container() as scope:
        ledger = await scope.get(QuotaLedger)
        await ledger.grant(user, 1000, LedgerReason.GRANT, fakes.clock.now())
        await ledger.reserve(user, 500, fakes.clock.now(), LIMITS, ttl_s=60)
        await (await scope.get(TransactionManager)).commit()
    before = sample("tesigo_reservations_expired_total")

    fakes.clock.advance(seconds=61)
    await Worker(container).keep_house()

    assert sample("tesigo_reservations_expired_total") == before + 1
