"""PooledDocumentRenderer: renders in worker processes and turns a render that overran, ate
too much memory or died into RenderFailed. The failing renderers are functions of
tests/pool_tasks.py, passed in the renderer's dispatch table."""

import importlib.util
import io
import os
import subprocess
import sys
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from tests.manuscripts import a_manuscript

from adapters.processes.pool import ProcessPool, WorkCrashed, WorkTimedOut
from adapters.rendering.pooled import RENDERERS, PooledDocumentRenderer
from domain.manuscripts import ExportFormat
from domain.ports.exports import RenderFailed


@pytest.fixture
async def pools() -> AsyncIterator[Callable[..., ProcessPool]]:
    made: list[ProcessPool] = []

    def make(**options: Any) -> ProcessPool:
        made.append(ProcessPool(**options))
        return made[-1]

    yield make
    for pool in made:
        await pool.close()


def failing(task: str) -> dict[ExportFormat, str]:
    return {**RENDERERS, ExportFormat.PDF: f"tests.pool_tasks:{task}"}


@pytest.mark.parametrize(("pool_timeout", "render_timeout"), [(0.5, None), (120.0, 0.5)])
async def test_a_render_that_overruns_is_stopped_and_fails(pools, pool_timeout, render_timeout):
    pool = pools(workers=1, timeout_s=pool_timeout)
    renderer = PooledDocumentRenderer(pool, render_timeout, renderers=failing("spin_render"))
    with pytest.raises(RenderFailed) as failed:
        await renderer.render(a_manuscript(), ExportFormat.PDF)
    assert failed.value.message == "The PDF took longer than 0.5 s to render and was stopped."
    assert isinstance(failed.value.__cause__, WorkTimedOut)


async def test_a_render_past_the_memory_ceiling_fails(pools):
    renderer = PooledDocumentRenderer(pools(workers=1, memory_mb=256),
                                      renderers=failing("hog_render"))
    with pytest.raises(RenderFailed, match="more memory") as failed:
        await renderer.render(a_manuscript(), ExportFormat.PDF)
    assert isinstance(failed.value.__cause__, MemoryError)


async def test_a_render_whose_worker_dies_fails(pools):
    renderer = PooledDocumentRenderer(pools(workers=1), renderers=failing("crash_render"))
    with pytest.raises(RenderFailed, match="stopped unexpectedly") as failed:
        await renderer.render(a_manuscript(), ExportFormat.PDF)
    assert isinstance(failed.value.__cause__, WorkCrashed)


async def test_the_service_renders_again_after_a_failed_render(pools):
    pool = pools(workers=1, timeout_s=0.5)
    with pytest.raises(RenderFailed):
        await PooledDocumentRenderer(pool, renderers=failing("crash_render")).render(
            a_manuscript(), ExportFormat.PDF)
    renderer = PooledDocumentRenderer(pool, renderers={ExportFormat.MD: "tests.pool_tasks:title"})
    assert await renderer.render(a_manuscript(), ExportFormat.MD) == a_manuscript().title.encode()


def test_the_api_process_does_not_import_the_renderers():
    probe = ("import sys, adapters.rendering.pooled; "
             "sys.exit(' '.join(sorted({'weasyprint', 'docx'} & sys.modules.keys())) or None)")
    environment = {**os.environ, "PYTHONPATH": str(Path(__file__).parents[2] / "src")}
    probed = subprocess.run([sys.executable, "-c", probe], env=environment, timeout=60,
                            capture_output=True, text=True, check=False)
    assert probed.returncode == 0, probed.stderr


@pytest.mark.skipif(
    importlib.util.find_spec("adapters.rendering.markdown") is None
    or importlib.util.find_spec("adapters.rendering.pdf") is None,
    reason="the Markdown or PDF renderer is not written yet")
async def test_real_markdown_and_pdf_render_in_the_pool_within_its_memory_ceiling(pools):
    renderer = PooledDocumentRenderer(pools(workers=2))  # the default 2048 MiB ceiling
    manuscript = a_manuscript(language="uk")
    markdown = (await renderer.render(manuscript, ExportFormat.MD)).decode()
    assert manuscript.title in markdown
    assert all(section.title in markdown for section in manuscript.sections)
    pdf = PdfReader(io.BytesIO(await renderer.render(manuscript, ExportFormat.PDF)))
    title_page = " ".join(pdf.pages[0].extract_text().split())
    assert manuscript.title in title_page
