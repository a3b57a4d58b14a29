"""Receipts rendered in the exports' pool of worker processes."""

from adapters.processes.pool import ProcessPool
from adapters.rendering.pooled import render_pooled
from domain.ports.receipts import ReceiptRenderer
from domain.receipts import Receipt

RECEIPT_RENDERER = "adapters.rendering.receipt_pdf:render_receipt"


class PooledReceiptRenderer(ReceiptRenderer):
    def __init__(self, pool: ProcessPool, timeout_s: float | None = None) -> None:
        self._pool, self._timeout_s = pool, timeout_s

    async def render(self, receipt: Receipt) -> bytes:
        return await render_pooled(self._pool, RECEIPT_RENDERER, receipt, name="receipt",
                                   timeout_s=self._timeout_s)
