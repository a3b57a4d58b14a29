from collections.abc import Sequence
from datetime import datetime
from typing import NamedTuple

from adapters.memory.database import REFRESH_TOKENS, SESSION_FAMILIES
from adapters.memory.transactions import InMemoryTransactionManager
from domain.errors import NotAuthenticated
from domain.ids import SessionFamilyId, UserId
from domain.ports.sessions import SessionRepository
from domain.sessions import SessionFamily


class IssuedToken(NamedTuple):
    digest: str
    family_id: SessionFamilyId


class InMemorySessionRepository(SessionRepository):
    def __init__(self, tx: InMemoryTransactionManager) -> None:
        self._tx = tx

    async def add(self, family: SessionFamily) -> None:
        self._tx.put(SESSION_FAMILIES, family.id, family)
        self._issue(family)

    async def find_by_token(self, token_digest: str) -> SessionFamily | None:
        issued: IssuedToken | None = self._tx.get(REFRESH_TOKENS, token_digest)
        return None if issued is None else self._tx.get(SESSION_FAMILIES, issued.family_id)

    async def save(self, family: SessionFamily, *, previous_digest: str) -> None:
        stored: SessionFamily | None = self._tx.get(SESSION_FAMILIES, family.id)
        if stored is None or stored.current_digest != previous_digest:
            raise NotAuthenticated("The session changed meanwhile; sign in again.")
        self._tx.put(SESSION_FAMILIES, family.id, family, guard=NotAuthenticated)
        if family.current_digest != previous_digest:
            self._issue(family)

    async def revoke_all(self, user_id: UserId, now: datetime) -> int:
        active = [f for f in self._families_of(user_id) if f.is_active(now)]
        for family in active:
            self._tx.put(SESSION_FAMILIES, family.id, family.revoke(now))
        return len(active)

    async def delete_ended(self, now: datetime) -> int:
        families: list[SessionFamily] = self._tx.rows(SESSION_FAMILIES)
        ended = {f.id for f in families
                 if f.expires_at < now or (f.revoked_at is not None and f.revoked_at < now)}
        self._forget(ended)
        return len(ended)

    async def all_of(self, user_id: UserId) -> Sequence[SessionFamily]:
        return sorted(self._families_of(user_id), key=lambda f: (f.created_at, f.id))

    def forget_user(self, user_id: UserId) -> None:
        """Drop the user's families and their tokens, as the foreign keys cascade in SQL."""
        self._forget({family.id for family in self._families_of(user_id)})

    def _families_of(self, user_id: UserId) -> list[SessionFamily]:
        families: list[SessionFamily] = self._tx.rows(SESSION_FAMILIES)
        return [family for family in families if family.user_id == user_id]

    def _forget(self, family_ids: set[SessionFamilyId]) -> None:
        for family_id in family_ids:
            self._tx.remove(SESSION_FAMILIES, family_id)
        issued_tokens: list[IssuedToken] = self._tx.rows(REFRESH_TOKENS)
        for issued in issued_tokens:
            if issued.family_id in family_ids:
                self._tx.remove(REFRESH_TOKENS, issued.digest)

    def _issue(self, family: SessionFamily) -> None:
        token = IssuedToken(family.current_digest, family.id)
        self._tx.put(REFRESH_TOKENS, token.digest, token)


