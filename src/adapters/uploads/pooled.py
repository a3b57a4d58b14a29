from __future__ import annotations

from adapters.processes.pool import ProcessPool, WorkCrashed, WorkTimedOut
from domain.ports.uploads import TextExtractor
from domain.uploads import UnsafeFile


def extract_in_worker(data: bytes) -> str:
    """Runs inside a worker: only the workers import the parsers (python-docx, pypdf), so
    the API process starts without them."""
    from adapters.uploads.extract import extract_text

    return extract_text(data)


class PooledTextExtractor(TextExtractor):
    """Parses in a worker process under the pool's memory ceiling and `timeout_s`; a file
    that overruns either (or kills its worker) is refused as UnsafeFile."""

    def __init__(self, pool: ProcessPool, timeout_s: float = 60.0) -> None:
        self._pool, self._timeout_s = pool, timeout_s

    async def extract(self, data: bytes) -> str:
        try:
            return await self._pool.run(extract_in_worker, data, timeout_s=self._timeout_s)
        except WorkTimedOut as error:
            raise UnsafeFile("The file took too long to read and was refused.") from error
        except (WorkCrashed, MemoryError) as error:
            raise UnsafeFile("The file took too much memory to read and was refused.") from error
