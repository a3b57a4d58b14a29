from dataclasses import dataclass

from domain.digests import digest
from domain.ports.sessions import SessionRepository
from domain.ports.system import Clock
from domain.ports.transactions import TransactionManager


@dataclass(frozen=True, slots=True, kw_only=True)
class LogoutRequest:
    refresh_token: str


class Logout:
    """End one session.

    - the family that issued the refresh token is revoked; its tokens stop working
    - an unknown or already revoked token changes nothing and is not an error (logout is
      idempotent and reveals nothing)
    """

    def __init__(self, sessions: SessionRepository, tx: TransactionManager,
                 clock: Clock) -> None:
        self._sessions, self._tx, self._clock = sessions, tx, clock

    async def __call__(self, request: LogoutRequest) -> None:
        family = await self._sessions.find_by_token(digest(request.refresh_token))
        if family is None or family.revoked:
            return
        await self._sessions.save(family.revoke(self._clock.now()),
                                  previous_digest=family.current_digest)
        await self._tx.commit()
