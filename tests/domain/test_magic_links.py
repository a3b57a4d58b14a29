from datetime import UTC, datetime, timedelta
from uuid import uuid4

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.errors import InvalidMagicLink
from domain.ids import MagicLinkId
from domain.magic_links import MAGIC_LINK_TTL, MagicLink
from domain.users import Email

ISSUED = datetime(2026, 1, 1, 12, 0, tzinfo=UTC)
offsets = st.timedeltas(min_value=timedelta(0), max_value=timedelta(hours=2))


def a_link() -> MagicLink:
    return MagicLink.issue(id=MagicLinkId(uuid4()), email=Email("ada@example.com"),
                           token_digest="d" * 64, now=ISSUED)


def test_a_link_lives_ten_minutes() -> None:
    assert a_link().expires_at - ISSUED == timedelta(minutes=10) == MAGIC_LINK_TTL


@given(offsets)
def test_a_link_works_exactly_until_it_expires(offset: timedelta) -> None:
    link, now = a_link(), ISSUED + offset
    if offset < MAGIC_LINK_TTL:
        assert link.consume(now).used_at == now
    else:
        with pytest.raises(InvalidMagicLink):
            link.consume(now)


@given(offsets, offsets)
def test_a_spent_link_never_works_again(first: timedelta, second: timedelta) -> None:
    link = a_link()
    if first >= MAGIC_LINK_TTL:
        return
    spent = link.consume(ISSUED + first)
    with pytest.raises(InvalidMagicLink):
        spent.consume(ISSUED + first + second)
