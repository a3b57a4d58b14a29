"""The production BibliographyWriter: BibTeX, RIS and CSL-JSON, written in a thread."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import Executor, ThreadPoolExecutor

from adapters.bibliography.bibtex import bibtex_file
from adapters.bibliography.csl_json import csl_json_file
from adapters.bibliography.ris import ris_file
from domain.documents import Source
from domain.manuscripts import ExportFormat
from domain.ports.bibliography import BibliographyWriter

WRITERS: Mapping[ExportFormat, Callable[[Sequence[Source]], str]] = {
    ExportFormat.BIBTEX: bibtex_file, ExportFormat.RIS: ris_file,
    ExportFormat.CSLJSON: csl_json_file,
}
_POOL = ThreadPoolExecutor(max_workers=2, thread_name_prefix="bibliography-files")


class BibliographyFiles(BibliographyWriter):
    """Writes each file in a worker thread (`executor`, or a shared pool of two).

    A thread, not the renderers' worker processes: a file of 120 sources with their abstracts
    takes about 20 ms to write (500 sources, 100 ms; the first file of a process 100 ms more,
    to build the LaTeX table), too long for the event loop, but less than sending the sources
    to another process and back would cost, and with no time or memory ceiling to enforce.
    The thread holds the GIL for at most the interpreter's switch interval (5 ms) at a time,
    so the event loop goes on answering meanwhile.
    """

    def __init__(self, *, executor: Executor | None = None) -> None:
        self._executor = executor or _POOL

    async def write(self, sources: Sequence[Source], format: ExportFormat) -> bytes:
        writer = WRITERS.get(format)
        if writer is None:
            raise ValueError(f"{format.value} is not a bibliography format")
        loop = asyncio.get_running_loop()
        text = await loop.run_in_executor(self._executor, writer, tuple(sources))
        return text.encode()
