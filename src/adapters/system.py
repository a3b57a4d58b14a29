import base64
import hashlib
import hmac
import secrets
from datetime import UTC, datetime
from uuid import UUID, uuid4

from domain.ports.system import Clock, IdGenerator, SecretDeriver, SecretGenerator

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


class HmacSecretDeriver(SecretDeriver):
    """HMAC-SHA256 under the service's secret key, in a domain of its own (`purpose`), so
    the derived values serve nothing else signed with that key."""

    def __init__(self, key: str, purpose: str = "refresh-token-successor") -> None:
        self._key = hashlib.sha256(f"{purpose}:{key}".encode()).digest()

    def derive(self, secret: str) -> str:
        mac = hmac.new(self._key, secret.encode(), hashlib.sha256).digest()
        return base64.urlsafe_b64encode(mac).rstrip(b"=").decode()
