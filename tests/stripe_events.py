"""Stripe webhook event bodies (API version 2025-era shapes, trimmed), as raw bytes."""

from __future__ import annotations

import json
from typing import Any
from uuid import UUID

CREATED = 1_740_830_400


def checkout_event(event_id: str, type: str, *, payment_id: UUID | str | None,
                   payment_status: str = "paid", amount: int = 500, currency: str = "eur",
                   payment_intent: str | None = "pi_3QxTesiGo0001") -> bytes:
    """A `checkout.session.*` event about the session opened for `payment_id`."""
    reference = None if payment_id is None else str(payment_id)
    expired = type == "checkout.session.expired"
    session = {
        "id": "cs_test_a1TesiGo", "object": "checkout.session", "mode": "payment",
        "client_reference_id": reference,
        "metadata": {} if reference is None else {"payment_id": reference},
        "amount_subtotal": amount, "amount_total": amount, "currency": currency,
        "customer_details": {"email": "ada@example.org", "name": None},
        "livemode": False, "payment_intent": payment_intent,
        "payment_status": payment_status,
        "status": "expired" if expired else "complete", "url": None,
    }
    return _event(event_id, type, session)


def refund_event(event_id: str, *, payment_id: UUID | str | None = None,
                 payment_intent: str | None = None, amount: int,
                 amount_refunded: int | None = None, refunded: bool = True,
                 currency: str = "eur") -> bytes:
    """A `charge.refunded` event; `refunded` is false for a partial refund."""
    charge = {
        "id": "ch_3QxTesiGo0001", "object": "charge", "amount": amount,
        "amount_captured": amount,
        "amount_refunded": amount if amount_refunded is None else amount_refunded,
        "currency": currency, "captured": True, "paid": True, "livemode": False,
        "metadata": {} if payment_id is None else {"payment_id": str(payment_id)},
        "payment_intent": payment_intent, "refunded": refunded, "status": "succeeded",
    }
    return _event(event_id, "charge.refunded", charge)


def other_event(event_id: str, type: str) -> bytes:
    return _event(event_id, type, {"id": "obj_TesiGo", "object": type.split(".", maxsplit=1)[0]})


def _event(event_id: str, type: str, data_object: dict[str, Any]) -> bytes:
    event = {
        "id": event_id, "object": "event", "api_version": "2025-03-31.basil",
        "created": CREATED, "data": {"object": data_object}, "livemode": False,
        "pending_webhooks": 1, "request": {"id": None, "idempotency_key": None},
        "type": type,
    }
    return json.dumps(event).encode()
