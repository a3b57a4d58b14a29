from domain.ids import PaymentId
from domain.manuscripts import ExportFormat, Manuscript
from domain.ports.exports import DocumentRenderer
from domain.ports.receipts import ReceiptRenderer
from domain.receipts import Receipt


class InMemoryDocumentRenderer(DocumentRenderer):
    """For tests only: renders inline, on the event loop, with the real renderers (no time or
    memory ceiling). Records each render as (format, manuscript title) in `renders`; with
    `fail_with` set it raises that instead, as a failed render would."""

    def __init__(self, *, fail_with: Exception | None = None) -> None:
        self.renders: list[tuple[ExportFormat, str]] = []
        self.fail_with = fail_with

    async def render(self, manuscript: Manuscript, format: ExportFormat) -> bytes:
        if self.fail_with is not None:
            raise self.fail_with
        self.renders.append((format, manuscript.title))
        if format is ExportFormat.PDF:
            from adapters.rendering.pdf import render_pdf

            return render_pdf(manuscript)
        if format is ExportFormat.DOCX:
            from adapters.rendering.docx import render_docx

            return render_docx(manuscript)
        from adapters.rendering.markdown import render_markdown

        return render_markdown(manuscript)


class InMemoryReceiptRenderer(ReceiptRenderer):
    """For tests only: renders receipts inline with the real renderer; records each
    rendered payment id in `renders`."""

    def __init__(self) -> None:
        self.renders: list[PaymentId] = []

    async def render(self, receipt: Receipt) -> bytes:
        from adapters.rendering.receipt_pdf import render_receipt

        self.renders.append(receipt.payment_id)
        return render_receipt(receipt)
