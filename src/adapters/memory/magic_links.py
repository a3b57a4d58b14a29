from datetime import datetime

from adapters.memory.database import MAGIC_LINKS
from adapters.memory.transactions import InMemoryTransactionManager
from domain.errors import InvalidMagicLink
from domain.magic_links import MagicLink
from domain.ports.magic_links import MagicLinkRepository


class InMemoryMagicLinkRepository(MagicLinkRepository):
    def __init__(self, tx: InMemoryTransactionManager) -> None:
        self._tx = tx

    async def add(self, link: MagicLink) -> None:
        self._tx.put(MAGIC_LINKS, link.id, link)

    async def find(self, token_digest: str) -> MagicLink | None:
        links: list[MagicLink] = self._tx.rows(MAGIC_LINKS)
        return next((link for link in links if link.token_digest == token_digest), None)

    async def mark_used(self, link: MagicLink) -> None:
        stored: MagicLink | None = self._tx.get(MAGIC_LINKS, link.id)
        if stored is None or stored.used_at is not None:
            raise InvalidMagicLink
        self._tx.put(MAGIC_LINKS, link.id, link, guard=InvalidMagicLink)

    async def delete_expired(self, now: datetime) -> int:
        expired = [link for link in self._tx.rows(MAGIC_LINKS) if link.expires_at < now]
        for link in expired:
            self._tx.remove(MAGIC_LINKS, link.id)
        return len(expired)
