"""Paddle Billing (API v1) notification bodies (trimmed from Paddle's samples), as raw
bytes."""

from __future__ import annotations

import json
from typing import Any
from uuid import UUID

OCCURRED_AT = "2026-01-01T10:00:00.000000Z"
TRANSACTION_ID = "txn_01hv8wptq8987qeep44cyrewp9"

_STATUS = {"transaction.paid": "paid", "transaction.completed": "completed",
           "transaction.canceled": "canceled", "transaction.payment_failed": "ready"}


def transaction_event(event_id: str, type: str, *, payment_id: UUID | str | None,
                      grand_total: str = "500", currency_code: str = "EUR",
                      transaction_id: str = TRANSACTION_ID) -> bytes:
    """A `transaction.*` notification about the transaction opened for `payment_id`."""
    transaction = {
        "id": transaction_id, "status": _STATUS.get(type, "ready"),
        "customer_id": "ctm_01hv6y1jedq4p1n0yqn5ba3ky4",
        "address_id": "add_01hv8gq3318ktkfengj2r75gfx", "business_id": None,
        "custom_data": None if payment_id is None else {"payment_id": str(payment_id)},
        "origin": "api", "collection_mode": "automatic", "subscription_id": None,
        "invoice_id": None, "invoice_number": None, "billing_details": None,
        "billing_period": None, "currency_code": currency_code, "discount_id": None,
        "created_at": "2026-01-01T09:58:00.000000Z", "updated_at": OCCURRED_AT,
        "billed_at": OCCURRED_AT,
        "items": [{"price": {"id": None, "name": "Starter", "description": "1,000 credits",
                             "unit_price": {"amount": grand_total,
                                            "currency_code": currency_code}},
                   "quantity": 1, "proration": None}],
        "details": {
            "tax_rates_used": [{"tax_rate": "0.2", "totals": {"subtotal": "417", "tax": "83",
                                                              "discount": "0",
                                                              "total": grand_total}}],
            "totals": {"subtotal": "417", "tax": "83", "discount": "0", "total": grand_total,
                       "credit": "0", "balance": "0", "grand_total": grand_total,
                       "fee": "40", "earnings": "377", "currency_code": currency_code},
            "payout_totals": None, "line_items": [],
        },
        "payments": [{"payment_attempt_id": "497f776b-a233-4b24-9e21-18f0c8f5b3e7",
                      "amount": grand_total, "status": "captured", "error_code": None,
                      "method_details": {"type": "card", "card": {"type": "visa",
                                                                  "last4": "4242"}}}],
        "checkout": {"url": f"https://tesigo.test/ok?_ptxn={transaction_id}"},
    }
    return notification(event_id, type, transaction)


def adjustment_event(event_id: str, type: str = "adjustment.updated", *,
                     status: str = "approved", adjustment_type: str = "full",
                     action: str = "refund",
                     transaction_id: str = TRANSACTION_ID) -> bytes:
    """An `adjustment.*` notification (a refund, credit or chargeback) on a transaction."""
    adjustment = {
        "id": "adj_01hvgf2s84dr6reszzg29zbvcm", "action": action, "type": adjustment_type,
        "transaction_id": transaction_id, "subscription_id": None,
        "customer_id": "ctm_01hv6y1jedq4p1n0yqn5ba3ky4", "reason": "error",
        "credit_applied_to_balance": None, "currency_code": "EUR", "status": status,
        "items": [{"id": "adjitm_01hvgf2s84dr6reszzg2gx70gj", "item_id": "txnitm_01hv8",
                   "type": adjustment_type, "amount": "500", "proration": None,
                   "totals": {"subtotal": "417", "tax": "83", "total": "500"}}],
        "totals": {"subtotal": "417", "tax": "83", "total": "500", "fee": "40",
                   "earnings": "377", "currency_code": "EUR"},
        "payout_totals": None, "created_at": OCCURRED_AT, "updated_at": OCCURRED_AT,
    }
    return notification(event_id, type, adjustment)


def notification(event_id: str, type: str, data: Any) -> bytes:
    envelope = {"event_id": event_id, "event_type": type, "occurred_at": OCCURRED_AT,
                "notification_id": "ntf_01hv8wpts6fd3ha1sa8t9jjbyn", "data": data}
    return json.dumps(envelope).encode()
