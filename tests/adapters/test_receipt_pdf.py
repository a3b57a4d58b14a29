"""Receipts as PDF, read back with pypdf: every fact on it, Cyrillic intact, a refund
noted, minor units as the currency has them, names escaped; also from the render pool."""

import io
from dataclasses import replace
from datetime import UTC, datetime
from uuid import UUID

from pypdf import PdfReader

from adapters.processes.pool import ProcessPool
from adapters.rendering.pooled_receipts import PooledReceiptRenderer
from adapters.rendering.receipt_pdf import money, render_receipt
from domain.ids import PaymentId
from domain.payments import Money
from domain.receipts import Receipt, Seller

RECEIPT = Receipt(
    seller=Seller(name="ТОВ «ТезіГо»", address="вул. Хрещатик, 1\nКиїв"),
    buyer_email="oksana@example.com", item="Пакет «Дипломна»", credits=1_500_000,
    price=Money(1_999, "eur"), paid_at=datetime(2026, 11, 30, 14, 5, tzinfo=UTC),
    payment_id=PaymentId(UUID("0b0c2f4e-5d1a-4c33-9a59-3f1e2d4c5b6a")))


def text_of(pdf: bytes) -> str:
    assert pdf.startswith(b"%PDF-")
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def test_the_receipt_carries_every_fact_with_cyrillic_intact() -> None:
    text = text_of(render_receipt(RECEIPT))
    for fact in ("Receipt", "19.99 EUR", str(RECEIPT.payment_id), "oksana@example.com",
                 "Пакет «Дипломна»", "1,500,000 credits", "ТОВ «ТезіГо»", "Київ",
                 "2026-11-30"):
        assert fact in text, fact
    assert "Refunded" not in text


def test_a_refunded_payments_receipt_says_so() -> None:
    refunded = replace(RECEIPT, refunded_at=datetime(2026, 12, 1, tzinfo=UTC))
    assert "Refunded on 2026-12-01: 19.99 EUR returned" in text_of(render_receipt(refunded))


def test_amounts_have_the_currencys_minor_units() -> None:
    assert money(Money(1_500, "jpy")) == "1,500 JPY"
    assert money(Money(5, "eur")) == "0.05 EUR"
    assert money(Money(123_456, "usd")) == "1,234.56 USD"


def test_names_are_text_not_markup() -> None:
    text = text_of(render_receipt(replace(RECEIPT, item="<b>Pro</b> & co")))
    assert "<b>Pro</b> & co" in text


async def test_the_render_pool_renders_receipts() -> None:
    pool = ProcessPool(workers=1, timeout_s=60)
    try:
        pdf = await PooledReceiptRenderer(pool).render(RECEIPT)
    finally:
        await pool.close()
    assert str(RECEIPT.payment_id) in text_of(pdf)
