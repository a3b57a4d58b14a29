"""Receipts as PDF through the exports' HTML-to-PDF path (WeasyPrint, nothing fetched).

A pure, synchronous function for a worker process of the render pool."""

from __future__ import annotations

from babel.numbers import format_decimal, get_currency_precision

from adapters.rendering.fonts import FONT
from adapters.rendering.pdf import TEMPLATES, pdf_from_html
from domain.payments import Money
from domain.receipts import Receipt


def render_receipt(receipt: Receipt) -> bytes:
    html = TEMPLATES.get_template("receipt.html.j2").render(
        r=receipt, address_lines=[line for line in receipt.seller.address.splitlines() if line],
        paid_on=receipt.paid_at.strftime("%Y-%m-%d %H:%M UTC"), amount=money(receipt.price),
        credits=format_decimal(receipt.credits, locale="en"),
        refunded_on=None if receipt.refunded_at is None
        else receipt.refunded_at.strftime("%Y-%m-%d"))
    css = TEMPLATES.get_template("receipt.css").render(font=FONT)
    return pdf_from_html(html, css)


def money(price: Money) -> str:
    """`1999 eur` → "19.99 EUR"; currencies without minor units keep none (1500 JPY)."""
    code = price.currency.upper()
    digits = get_currency_precision(code)
    value = price.amount / 10**digits if digits else price.amount
    pattern = "#,##0" + ("." + "0" * digits if digits else "")
    return f"{format_decimal(value, format=pattern, locale='en')} {code}"
