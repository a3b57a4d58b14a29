"""The session-family state machine, driven by hypothesis through random rotations,
replays, revocations and the passing of time."""

from datetime import UTC, datetime, timedelta
from uuid import uuid4

import pytest
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from domain.errors import NotAuthenticated
from domain.ids import SessionFamilyId, UserId
from domain.sessions import Rotation, SessionFamily

START = datetime(2026, 1, 1, tzinfo=UTC)
LIFETIME = timedelta(days=30)


class SessionFamilyMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.now = START
        self.counter = 0
        first = self.fresh()
        self.family = SessionFamily.start(id=SessionFamilyId(uuid4()), user_id=UserId(uuid4()),
                                          token_digest=first, now=START, lifetime=LIFETIME)
        self.current, self.retired = first, []  # type: ignore[var-annotated]
        self.revoked = False

    def fresh(self) -> str:
        self.counter += 1
        return f"digest-{self.counter}"

    @property
    def alive(self) -> bool:
        return not self.revoked and self.now < START + LIFETIME

    @rule(hours=st.integers(min_value=0, max_value=24 * 10))
    def time_passes(self, hours: int) -> None:
        self.now += timedelta(hours=hours)

    @rule()
    def rotate_with_current_token(self) -> None:
        new = self.fresh()
        if not self.alive:
            with pytest.raises(NotAuthenticated):
                self.family.rotate(presented_digest=self.current, new_digest=new, now=self.now)
            return
        self.family, outcome = self.family.rotate(presented_digest=self.current,
                                                  new_digest=new, now=self.now)
        assert outcome is Rotation.ROTATED
        self.retired.append(self.current)
        self.current = new

    @precondition(lambda self: bool(self.retired))
    @rule(data=st.data())
    def replay_a_rotated_out_token(self, data: st.DataObject) -> None:
        old = data.draw(st.sampled_from(self.retired))
        if not self.alive:
            with pytest.raises(NotAuthenticated):
                self.family.rotate(presented_digest=old, new_digest=self.fresh(), now=self.now)
            return
        self.family, outcome = self.family.rotate(presented_digest=old,
                                                  new_digest=self.fresh(), now=self.now)
        assert outcome is Rotation.REUSE_DETECTED
        self.revoked = True

    @rule()
    def logout(self) -> None:
        self.family = self.family.revoke(self.now)
        self.revoked = True

    @invariant()
    def state_matches_the_model(self) -> None:
        assert self.family.revoked == self.revoked
        assert self.family.is_active(self.now) == self.alive
        assert self.family.current_digest == self.current
        assert self.family.expires_at == START + LIFETIME


TestSessionFamily = SessionFamilyMachine.TestCase
