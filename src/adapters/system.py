import secrets
from datetime import UTC, datetime
from uuid import UUID, uuid4

from domain.ports.system import Clock, IdGenerator, SecretGenerator

SECRET_BYTES = 32  # 256 bits, 43 URL-safe characters


class SystemClock(Clock):
    def now(self) -> datetime:
        return datetime.now(UTC)


class UuidGenerator(IdGenerator):
    def new_id(self) -> UUID:
        return uuid4()


class UrlSafeSecretGenerator(SecretGenerator):
    def new_secret(self) -> str:
        return secrets.token_urlsafe(SECRET_BYTES)
