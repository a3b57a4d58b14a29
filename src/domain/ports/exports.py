from abc import abstractmethod
from typing import Protocol

from domain.errors import DomainError
from domain.manuscripts import ExportFormat, Manuscript


class RenderFailed(DomainError):
    default_message = "The export could not be rendered; try again later."


class DocumentRenderer(Protocol):
    """Turns a manuscript into a file of one format (PDF, DOCX, Markdown).

    - `render` returns the file's bytes. It is CPU work: it never runs on the event loop
      (adapters use worker processes, a bounded number at once).
    - A render that runs past its time or memory ceiling is stopped and raises RenderFailed;
      the service and other renders go on.
    """

    @abstractmethod
    async def render(self, manuscript: Manuscript, format: ExportFormat) -> bytes: ...


class BlobStore(Protocol):
    """Files by key, such as `exports/<owner>/<document>/<revision>/pdf` (local directory now;
    S3-compatible storage fits the same contract).

    - Keys are relative paths of letters, digits, `.`, `_`, `-` and `/`, without empty,
      `.` or `..` segments; any other key raises ValueError (so no key escapes the store).
    - `put` is atomic: readers see the whole old content or the whole new, never a part.
    - `get` returns None for an unknown key.
    - `delete_prefix` removes every key under `prefix` (a folder-like prefix ending in
      `/`); returns how many. `keys` lists the keys under `prefix`, sorted.
    - File I/O never blocks the event loop.
    """

    @abstractmethod
    async def put(self, key: str, data: bytes) -> None: ...

    @abstractmethod
    async def get(self, key: str) -> bytes | None: ...

    @abstractmethod
    async def delete_prefix(self, prefix: str) -> int: ...

    @abstractmethod
    async def keys(self, prefix: str) -> list[str]: ...
