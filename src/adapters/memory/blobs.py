from adapters.storage.keys import check_key, check_prefix
from domain.ports.exports import BlobStore


class InMemoryBlobStore(BlobStore):
    """Files in a dict, `blobs`, by key; the same key rules as the real stores."""

    def __init__(self) -> None:
        self.blobs: dict[str, bytes] = {}

    async def put(self, key: str, data: bytes) -> None:
        self.blobs[check_key(key)] = bytes(data)

    async def get(self, key: str) -> bytes | None:
        return self.blobs.get(check_key(key))

    async def delete_prefix(self, prefix: str) -> int:
        check_prefix(prefix)
        doomed = [key for key in self.blobs if key.startswith(prefix)]
        for key in doomed:
            del self.blobs[key]
        return len(doomed)

    async def keys(self, prefix: str) -> list[str]:
        check_prefix(prefix)
        return sorted(key for key in self.blobs if key.startswith(prefix))
