from domain.ports.probe import StorageProbe


class InMemoryStorageProbe(StorageProbe):
    """Answers while `up` is true, so tests can take storage down."""

    def __init__(self) -> None:
        self.up = True

    async def ping(self) -> None:
        if not self.up:
            raise ConnectionError("storage is down")
