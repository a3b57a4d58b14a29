"""Exports and uploads: one pool of worker processes for rendering and for reading
uploaded files (each worker imports the renderers, WeasyPrint with them, as it starts), the
blob store that caches rendered files (a local directory or S3, see
blobs.py), and the writer of bibliography files."""

from collections.abc import AsyncIterator

from dishka import Provider, Scope, provide

from adapters.bibliography.files import BibliographyFiles
from adapters.processes.pool import ProcessPool
from adapters.rendering.pooled import RENDERERS, PooledDocumentRenderer, modules_of
from adapters.rendering.pooled_receipts import RECEIPT_RENDERER, PooledReceiptRenderer
from adapters.uploads.pooled import PooledTextExtractor
from domain.ports.bibliography import BibliographyWriter
from domain.ports.exports import BlobStore, DocumentRenderer
from domain.ports.receipts import ReceiptRenderer
from domain.ports.uploads import TextExtractor
from entrypoints.config import Settings
from entrypoints.wiring.blobs import blob_store

UPLOAD_TIMEOUT_S = 60.0
PRELOADED = modules_of(*RENDERERS.values(), RECEIPT_RENDERER)


class ExportsProvider(Provider):
    scope = Scope.APP

    @provide
    async def pool(self, settings: Settings) -> AsyncIterator[ProcessPool]:
        pool = ProcessPool(workers=settings.render_workers, timeout_s=settings.render_timeout_s,
                           memory_mb=settings.render_memory_mb, preload=PRELOADED)
        yield pool
        await pool.close()

    @provide
    def renderer(self, pool: ProcessPool, settings: Settings) -> DocumentRenderer:
        return PooledDocumentRenderer(pool, timeout_s=settings.render_timeout_s)

    @provide
    def receipts(self, pool: ProcessPool, settings: Settings) -> ReceiptRenderer:
        return PooledReceiptRenderer(pool, timeout_s=settings.render_timeout_s)

    @provide
    def bibliographies(self) -> BibliographyWriter:
        return BibliographyFiles()

    @provide
    def extractor(self, pool: ProcessPool) -> TextExtractor:
        return PooledTextExtractor(pool, timeout_s=UPLOAD_TIMEOUT_S)

    @provide
    def blobs(self, settings: Settings) -> BlobStore:
        return blob_store(settings)
