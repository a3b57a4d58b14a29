"""The production DocumentRenderer: every render runs in a worker process of a ProcessPool."""

from __future__ import annotations

import importlib
from collections.abc import Mapping

from adapters.processes.pool import ProcessPool, WorkCrashed, WorkTimedOut
from domain.manuscripts import ExportFormat, Manuscript
from domain.ports.exports import DocumentRenderer, RenderFailed

# By dotted path, not by function object: only the workers import the renderers (and
# WeasyPrint with them); the API process never does.
RENDERERS: Mapping[ExportFormat, str] = {
    ExportFormat.PDF: "adapters.rendering.pdf:render_pdf",
    ExportFormat.DOCX: "adapters.rendering.docx:render_docx",
    ExportFormat.MD: "adapters.rendering.markdown:render_markdown",
}



def modules_of(*renderers: str) -> tuple[str, ...]:
    """The modules of `module:function` renderers, for a pool's workers to preload."""
    return tuple(dict.fromkeys(renderer.partition(":")[0] for renderer in renderers))


_NAMES = {ExportFormat.PDF: "PDF", ExportFormat.DOCX: "DOCX", ExportFormat.MD: "Markdown file"}


def render_in_worker(renderer: str, subject: object) -> bytes:
    """Runs inside a worker: import `module:function` there and call it."""
    module, _, function = renderer.partition(":")
    render = getattr(importlib.import_module(module), function)
    data: bytes = render(subject)
    return data


class PooledDocumentRenderer(DocumentRenderer):
    """Renders in `pool`, each render limited to `timeout_s` (the pool's limit by default)
    and to the pool's memory ceiling. `renderers` maps each format to a `module:function`
    taking a Manuscript and returning bytes; tests may pass their own."""

    def __init__(self, pool: ProcessPool, timeout_s: float | None = None, *,
                 renderers: Mapping[ExportFormat, str] = RENDERERS) -> None:
        self._pool, self._timeout_s, self._renderers = pool, timeout_s, renderers

    async def render(self, manuscript: Manuscript, format: ExportFormat) -> bytes:
        return await render_pooled(self._pool, self._renderers[format], manuscript,
                                   name=_NAMES[format], timeout_s=self._timeout_s)


async def render_pooled(pool: ProcessPool, renderer: str, subject: object, *, name: str,
                        timeout_s: float | None) -> bytes:
    """`renderer` (`module:function`) applied to `subject` in `pool`; its failures as
    RenderFailed naming `name` ("PDF", "receipt")."""
    try:
        return await pool.run(render_in_worker, renderer, subject, timeout_s=timeout_s)
    except WorkTimedOut as error:
        limit = pool.timeout_s if timeout_s is None else timeout_s
        raise RenderFailed(
            f"The {name} took longer than {limit:g} s to render and was stopped.",
        ) from error
    except MemoryError as error:
        raise RenderFailed(
            f"The {name} needed more memory than a render may use and was stopped.",
        ) from error
    except WorkCrashed as error:
        raise RenderFailed(
            f"The process rendering the {name} stopped unexpectedly; try again later.",
        ) from error
