"""Both TextExtractor adapters against one contract; the pooled one's ceilings on their own."""

from collections.abc import AsyncIterator

import pytest
from tests.upload_files import PE, a_docx, a_docx_zip_bomb, a_pdf

from adapters.memory.uploads import InMemoryTextExtractor
from adapters.processes.pool import ProcessPool, WorkCrashed, WorkTimedOut
from adapters.uploads.pooled import PooledTextExtractor
from domain.ports.uploads import TextExtractor
from domain.uploads import UnsafeFile, UnsupportedFileType


@pytest.fixture(scope="module")
async def pool() -> AsyncIterator[ProcessPool]:
    pool = ProcessPool(workers=1, timeout_s=30)
    yield pool
    await pool.close()


@pytest.fixture(params=["memory", "pool"])
def extractor(request, pool) -> TextExtractor:
    return InMemoryTextExtractor() if request.param == "memory" else PooledTextExtractor(pool)


async def test_a_word_document_is_read(extractor):
    text = await extractor.extract(a_docx(["Вимоги", "Requirements"], [[["A", "B"]]]))
    assert text.split("\n") == ["Вимоги", "Requirements", "A | B"]


async def test_refusals_come_back_as_they_were_raised(extractor):
    with pytest.raises(UnsupportedFileType, match="executable"):
        await extractor.extract(PE)
    with pytest.raises(UnsafeFile, match="500 MB"):
        await extractor.extract(a_docx_zip_bomb())


async def test_a_read_that_overruns_its_time_is_refused_as_unsafe(pool):
    long_pdf = a_pdf("\n".join(f"Line {n} of a long brief." for n in range(600)))
    with pytest.raises(UnsafeFile, match="too long"):
        await PooledTextExtractor(pool, timeout_s=0.01).extract(long_pdf)
    assert await PooledTextExtractor(pool).extract(a_docx(["Still working"])) == "Still working"


class FailingPool:
    def __init__(self, error: BaseException) -> None:
        self.error = error

    async def run(self, fn, *args, timeout_s=None):
        raise self.error


@pytest.mark.parametrize(("error", "said"), [
    (WorkTimedOut("ran past 60 s"), "too long"),
    (WorkCrashed("the worker died"), "too much memory"),
    (MemoryError(), "too much memory"),
])
async def test_the_pools_failures_become_unsafe_file(error, said):
    with pytest.raises(UnsafeFile, match=said) as caught:
        await PooledTextExtractor(FailingPool(error)).extract(b"anything")
    assert caught.value.__cause__ is error
