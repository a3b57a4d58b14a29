"""The session-family state machine, driven by hypothesis through random rotations,
replays (within the grace and after it), revocations and the passing of time."""

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
GRACE = timedelta(seconds=10)


def successor(digest: str) -> str:
    """A token's successor is a function of the token, as SessionTokens derives it."""
    return f"{digest}'"


class SessionFamilyMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.now = START
        first = "digest-0"
        self.family = SessionFamily.start(id=SessionFamilyId(uuid4()), user_id=UserId(uuid4()),
                                          token_digest=first, now=START, lifetime=LIFETIME)
        self.current, self.retired = first, []  # type: ignore[var-annotated]
        self.rotated_at = START
        self.revoked = False

    @property
    def alive(self) -> bool:
        return not self.revoked and self.now < START + LIFETIME

    def present(self, token: str) -> Rotation | None:
        """Presents a token; None when the family refused it as ended."""
        if not self.alive:
            with pytest.raises(NotAuthenticated):
                self.family.rotate(presented_digest=token, successor_digest=successor(token),
                                   now=self.now, grace=GRACE)
            return None
        self.family, outcome = self.family.rotate(
            presented_digest=token, successor_digest=successor(token), now=self.now,
            grace=GRACE)
        return outcome

    @rule(seconds=st.sampled_from([0, 1, 9, 10, 11, 3600, 86400 * 3]))
    def time_passes(self, seconds: int) -> None:
        self.now += timedelta(seconds=seconds)

    @rule()
    def rotate_with_current_token(self) -> None:
        token = self.current
        if self.present(token) is None:
            return
        self.retired.append(token)
        self.current, self.rotated_at = successor(token), self.now

    @precondition(lambda self: bool(self.retired))
    @rule(data=st.data())
    def replay_a_rotated_out_token(self, data: st.DataObject) -> None:
        old = data.draw(st.sampled_from(self.retired))
        just_rotated = old == self.retired[-1] and self.now - self.rotated_at <= GRACE
        outcome = self.present(old)
        if outcome is None:
            return
        if just_rotated:
            assert outcome is Rotation.REPLAYED_IN_GRACE
        else:
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
