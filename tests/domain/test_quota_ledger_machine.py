"""Random walks through InMemoryQuotaLedger, checked against a model of what it must hold."""

import asyncio
from collections import Counter
from collections.abc import Coroutine
from datetime import UTC, date, datetime
from typing import Any, TypeVar
from uuid import UUID

import pytest
from hypothesis import event, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    Bundle,
    RuleBasedStateMachine,
    initialize,
    invariant,
    multiple,
    rule,
)

from adapters.memory.database import InMemoryDatabase
from adapters.memory.quota import InMemoryQuotaLedger
from adapters.memory.system import FixedClock, SequentialIdGenerator
from adapters.memory.transactions import InMemoryTransactionManager
from domain.ids import ReservationId, UserId
from domain.quota import (
    LedgerReason,
    QuotaExceeded,
    QuotaLimits,
    QuotaUsage,
    Reservation,
    Usage,
    check_reservation,
    day_of,
)

T = TypeVar("T")
USERS = [UserId(UUID(int=n)) for n in (1, 2, 3)]
LIMITS = QuotaLimits(daily_tokens=1_000, global_daily_tokens=1_800)


class QuotaLedgerMachine(RuleBasedStateMachine):
    """Each rule is one committed transaction; the model keeps credits, holds and usage."""

    reservations = Bundle("reservations")

    def __init__(self) -> None:
        super().__init__()
        self.loop = asyncio.new_event_loop()
        self.clock = FixedClock(datetime(2025, 3, 1, 20, 0, tzinfo=UTC))
        self.tx = InMemoryTransactionManager(InMemoryDatabase())
        self.ledger = InMemoryQuotaLedger(self.tx, SequentialIdGenerator())
        self.credits = dict.fromkeys(USERS, 0)
        self.held: dict[ReservationId, Reservation] = {}
        self.used: Counter[tuple[UserId, date]] = Counter()
        self.spendable = dict.fromkeys(USERS, 0)
        self.granted = False

    def teardown(self) -> None:
        self.loop.close()

    def run(self, step: Coroutine[Any, Any, T]) -> T:
        return self.loop.run_until_complete(step)

    def committed(self, step: Coroutine[Any, Any, T]) -> T:
        try:
            result = self.run(step)
        except BaseException:
            self.run(self.tx.rollback())
            raise
        self.run(self.tx.commit())
        return result

    def usage(self, user: UserId, day: date) -> QuotaUsage:
        held_today = [r for r in self.held.values() if r.day == day]
        return QuotaUsage(
            credits=self.credits[user],
            reserved=sum(r.tokens for r in self.held.values() if r.user_id == user),
            used_today=self.used[(user, day)],
            reserved_today=sum(r.tokens for r in held_today if r.user_id == user),
            global_used_today=sum(self.used[(other, day)] for other in USERS),
            global_reserved_today=sum(r.tokens for r in held_today))

    @initialize(credits=st.lists(st.integers(0, 6_000), min_size=len(USERS),
                                 max_size=len(USERS)))
    def sign_up(self, credits: list[int]) -> None:
        for user, amount in zip(USERS, credits, strict=True):
            self.committed(self.ledger.grant(user, amount, LedgerReason.SIGNUP,
                                             self.clock.now()))
            self.credits[user] += amount
        self.granted = True

    @rule(user=st.sampled_from(USERS), amount=st.integers(-600, 2_000))
    def grant(self, user: UserId, amount: int) -> None:
        reason = LedgerReason.PURCHASE if amount >= 0 else LedgerReason.REFUND
        self.committed(self.ledger.grant(user, amount, reason, self.clock.now()))
        self.credits[user] += amount
        self.granted = True

    @rule(target=reservations, user=st.sampled_from(USERS), tokens=st.integers(1, 500),
          ttl_s=st.sampled_from([60, 900, 7_200]))
    def reserve(self, user: UserId, tokens: int, ttl_s: int) -> object:
        now = self.clock.now()
        expected: type[QuotaExceeded] | None = None
        try:
            check_reservation(tokens, self.usage(user, day_of(now)), LIMITS, now)
        except QuotaExceeded as refusal:
            expected = type(refusal)
        reserving = self.ledger.reserve(user, tokens, now, LIMITS, ttl_s=ttl_s)
        if expected is not None:
            with pytest.raises(expected):
                self.committed(reserving)
            event(f"refused: {expected.__name__}")
            return multiple()
        held = self.committed(reserving)
        event("held")
        self.held[held.id] = held
        return held.id

    @rule(reservation=reservations, prompt=st.integers(0, 700), completion=st.integers(0, 300))
    def settle(self, reservation: ReservationId, prompt: int, completion: int) -> None:
        usage = Usage(model="m", prompt_tokens=prompt, completion_tokens=completion,
                      latency_ms=5)
        settled = self.committed(self.ledger.settle(reservation, usage, self.clock.now()))
        held = self.held.pop(reservation, None)
        assert settled is (held is not None)
        event(f"settled: {settled}")
        if held is not None:
            charged = min(usage.total_tokens, held.tokens)
            self.credits[held.user_id] -= charged
            self.used[(held.user_id, held.day)] += charged

    @rule(reservation=reservations)
    def release(self, reservation: ReservationId) -> None:
        released = self.committed(self.ledger.release(reservation, self.clock.now()))
        assert released is (self.held.pop(reservation, None) is not None)

    @rule()
    def expire(self) -> None:
        now = self.clock.now()
        stale = [id for id, held in self.held.items() if held.expires_at <= now]
        assert self.committed(self.ledger.expire_stale(now)) == len(stale)
        for id in stale:
            del self.held[id]

    @rule(minutes=st.sampled_from([1, 10, 60, 300, 1_440]))
    def time_passes(self, minutes: int) -> None:
        self.clock.advance(minutes=minutes)

    @invariant()
    def balances_are_the_sums_of_their_ledgers_and_holds(self) -> None:
        now = self.clock.now()
        for user in USERS:
            balance = self.run(self.ledger.balance(user, now, LIMITS))
            entries = self.run(self.ledger.entries(user))
            model = self.usage(user, day_of(now))
            assert balance.credits == sum(entry.delta for entry in entries) == model.credits
            assert balance.reserved == model.reserved
            assert balance.used_today == model.used_today + model.reserved_today

    @invariant()
    def no_day_goes_past_its_limits(self) -> None:
        now = self.clock.now()
        for user in USERS:
            balance = self.run(self.ledger.balance(user, now, LIMITS))
            assert balance.used_today <= LIMITS.daily_tokens
        assert self.run(self.ledger.used_today(now)) <= LIMITS.global_daily_tokens

    @invariant()
    def only_a_negative_grant_makes_a_debt(self) -> None:
        for user in USERS:
            balance = self.run(self.ledger.balance(user, self.clock.now(), LIMITS))
            spendable = balance.credits - balance.reserved
            if not self.granted:
                assert spendable >= min(0, self.spendable[user])
            self.spendable[user] = spendable
        self.granted = False


QuotaLedgerMachine.TestCase.settings = settings(max_examples=150, stateful_step_count=40,
                                                deadline=None)
TestQuotaLedgerMachine = QuotaLedgerMachine.TestCase
