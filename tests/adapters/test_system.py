import re
from datetime import UTC, datetime, timedelta, timezone

import pytest

from adapters.memory.system import FixedClock, SequentialIdGenerator, SequentialSecretGenerator
from adapters.system import SystemClock, UrlSafeSecretGenerator, UuidGenerator

URL_SAFE = re.compile(r"^[A-Za-z0-9_-]{43,}$")


def test_the_system_clock_tells_aware_utc_time():
    before = datetime.now(UTC)
    now = SystemClock().now()

    assert now.utcoffset() == timedelta(0)
    assert before <= now <= datetime.now(UTC)


def test_real_ids_and_secrets_are_fresh_and_secrets_have_256_bits():
    ids, secrets = UuidGenerator(), UrlSafeSecretGenerator()

    assert len({ids.new_id() for _ in range(100)}) == 100
    drawn = [secrets.new_secret() for _ in range(100)]
    assert len(set(drawn)) == 100
    assert all(URL_SAFE.match(secret) for secret in drawn)


def test_the_fixed_clock_moves_only_when_told():
    clock = FixedClock(datetime(2025, 1, 1, tzinfo=UTC))

    assert clock.now() == clock.now() == datetime(2025, 1, 1, tzinfo=UTC)
    assert clock.advance(minutes=10, seconds=1) == datetime(2025, 1, 1, 0, 10, 1, tzinfo=UTC)
    clock.set(datetime(2025, 6, 1, 2, 0, tzinfo=timezone(timedelta(hours=2))))
    assert clock.now() == datetime(2025, 6, 1, tzinfo=UTC)
    assert clock.now().tzinfo is UTC


def test_the_fixed_clock_refuses_naive_time():
    with pytest.raises(ValueError, match="timezone-aware"):
        FixedClock(datetime(2025, 1, 1))


def test_sequential_ids_are_distinct_and_the_same_every_run():
    first, second = SequentialIdGenerator(), SequentialIdGenerator()

    drawn = [first.new_id() for _ in range(3)]
    assert drawn == [second.new_id() for _ in range(3)]
    assert len(set(drawn)) == 3
    assert all(uuid.version == 4 for uuid in drawn)


def test_sequential_secrets_are_distinct_url_safe_and_long_enough():
    drawn = [SequentialSecretGenerator().new_secret() for _ in range(2)]
    secrets = SequentialSecretGenerator()
    many = [secrets.new_secret() for _ in range(1000)]

    assert drawn[0] == drawn[1] == many[0]
    assert len(set(many)) == 1000
    assert all(URL_SAFE.match(secret) for secret in many)
