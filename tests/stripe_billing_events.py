"""Stripe Billing's webhook event bodies, as raw bytes, in either API shape: `basil`
(2025-03-31 and later: the period on the subscription item, the invoice's subscription
under `parent`, a line's price under `pricing`) or the older one."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Line:
    price: str
    amount: int
    start: int
    end: int
    proration: bool = False


def subscription_event(event_id: str, type: str, *, subscription: str, customer: str,
                       status: str, price: str, start: int, end: int, created: int,
                       cancel_at_period_end: bool = False, ended_at: int | None = None,
                       basil: bool = True) -> bytes:
    item: dict[str, Any] = {"id": "si_TesiGo", "object": "subscription_item", "quantity": 1,
                            "price": {"id": price, "object": "price", "currency": "eur",
                                      "recurring": {"interval": "month"}}}
    body: dict[str, Any] = {
        "id": subscription, "object": "subscription", "customer": customer, "status": status,
        "cancel_at_period_end": cancel_at_period_end, "collection_method": "charge_automatically",
        "ended_at": ended_at, "canceled_at": ended_at, "livemode": False,
        "metadata": {"plan_id": "ignored"},
        "items": {"object": "list", "data": [item], "has_more": False},
    }
    period = {"current_period_start": start, "current_period_end": end}
    (item if basil else body).update(period)
    return _event(event_id, type, body, created, basil)


def invoice_event(event_id: str, type: str, *, invoice: str, subscription: str,
                  customer: str, lines: list[Line], created: int, currency: str = "eur",
                  amount_paid: int | None = None, basil: bool = True) -> bytes:
    total = sum(line.amount for line in lines)
    paid = type in ("invoice.paid", "invoice.payment_succeeded")
    body: dict[str, Any] = {
        "id": invoice, "object": "invoice", "customer": customer, "currency": currency,
        "amount_due": max(total, 0), "status": "paid" if paid else "open",
        "amount_paid": (max(total, 0) if amount_paid is None else amount_paid) if paid else 0,
        "billing_reason": "subscription_cycle", "livemode": False,
        "lines": {"object": "list", "has_more": False,
                  "data": [_line(line, basil) for line in lines]},
    }
    if basil:
        body["parent"] = {"type": "subscription_details", "quote_details": None,
                          "subscription_details": {"subscription": subscription,
                                                   "metadata": {}}}
    else:
        body["subscription"] = subscription
        body["payment_intent"] = f"pi_{invoice}"
    return _event(event_id, type, body, created, basil)


def _line(line: Line, basil: bool) -> dict[str, Any]:
    body: dict[str, Any] = {"id": "il_TesiGo", "object": "line_item", "amount": line.amount,
                            "currency": "eur", "quantity": 1,
                            "period": {"start": line.start, "end": line.end}}
    if basil:
        body["pricing"] = {"type": "price_details",
                           "price_details": {"price": line.price, "product": "prod_TesiGo"}}
        body["parent"] = {"type": "subscription_item_details",
                          "subscription_item_details": {"proration": line.proration}}
    else:
        body["price"] = {"id": line.price, "object": "price"}
        body["proration"] = line.proration
    return body


def _event(event_id: str, type: str, body: dict[str, Any], created: int, basil: bool) -> bytes:
    return json.dumps({
        "id": event_id, "object": "event", "type": type, "created": created,
        "api_version": "2025-03-31.basil" if basil else "2024-06-20",
        "data": {"object": body}, "livemode": False, "pending_webhooks": 1,
    }).encode()
