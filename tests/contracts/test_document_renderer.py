"""The DocumentRenderer contract, for the in-memory renderer (inline, tests only) and the
pooled one (worker processes): each format's bytes, the same for both."""

from collections.abc import AsyncIterator

import pytest
from tests.manuscripts import a_manuscript

from adapters.memory.rendering import InMemoryDocumentRenderer
from adapters.processes.pool import ProcessPool
from adapters.rendering.pooled import PooledDocumentRenderer
from domain.manuscripts import ExportFormat
from domain.ports.exports import DocumentRenderer

MAGIC = {ExportFormat.PDF: b"%PDF-", ExportFormat.DOCX: b"PK\x03\x04", ExportFormat.MD: b"# "}


@pytest.fixture(params=["memory", "pooled"])
async def renderer(request: pytest.FixtureRequest) -> AsyncIterator[DocumentRenderer]:
    if request.param == "memory":
        yield InMemoryDocumentRenderer()
        return
    pool = ProcessPool(workers=1, timeout_s=60)
    yield PooledDocumentRenderer(pool)
    await pool.close()


async def test_every_format_renders_the_manuscript(renderer) -> None:
    manuscript = a_manuscript(language="uk", sections=2)
    for format, magic in MAGIC.items():
        data = await renderer.render(manuscript, format)
        assert data.startswith(magic), format
    markdown = (await renderer.render(manuscript, ExportFormat.MD)).decode()
    assert markdown.startswith(f"# {manuscript.title}")
    assert all(f"## {section.index}. {section.title}" in markdown
               for section in manuscript.sections)
