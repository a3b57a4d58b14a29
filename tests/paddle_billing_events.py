"""Paddle Billing (API v1) notifications about subscriptions (shaped after Paddle's samples of
`subscription.*` and of a subscription's `transaction.*`), as raw bytes."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

OCCURRED_AT = datetime(2026, 1, 1, 10, 0, tzinfo=UTC)
SUBSCRIPTION_ID = "sub_01hv8x29kz0t586xy6zn1a62ny"
CUSTOMER_ID = "ctm_01hv6y1jedq4p1n0yqn5ba3ky4"
TRANSACTION_ID = "txn_01hv8x2a3b4c5d6e7f8g9h0jkm"
PRICE_ID = "pri_01gsz8x8sawmvhz1pv30nge1ke"
PERIOD = (datetime(2026, 1, 1, 10, 0, tzinfo=UTC), datetime(2026, 2, 1, 10, 0, tzinfo=UTC))

Period = tuple[datetime, datetime]
_STATUS = {"transaction.paid": "paid", "transaction.completed": "completed",
           "transaction.payment_failed": "past_due", "transaction.canceled": "canceled"}


def rfc3339(at: datetime) -> str:
    return at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def subscription_event(event_id: str, type: str = "subscription.updated", *,
                       status: str = "active", price_id: str | None = PRICE_ID,
                       period: Period | None = PERIOD, scheduled_change: str | None = None,
                       canceled_at: datetime | None = None,
                       occurred_at: datetime = OCCURRED_AT,
                       subscription_id: str = SUBSCRIPTION_ID,
                       customer_id: str = CUSTOMER_ID) -> bytes:
    """A `subscription.*` notification; `scheduled_change` is its action, if any."""
    change = None if scheduled_change is None else {
        "action": scheduled_change, "resume_at": None,
        "effective_at": rfc3339(period[1] if period else occurred_at)}
    subscription = {
        "id": subscription_id, "status": status, "customer_id": customer_id,
        "address_id": "add_01hv8gq3318ktkfengj2r75gfx", "business_id": None,
        "currency_code": "EUR", "created_at": rfc3339(OCCURRED_AT),
        "updated_at": rfc3339(occurred_at), "started_at": rfc3339(OCCURRED_AT),
        "first_billed_at": rfc3339(OCCURRED_AT),
        "next_billed_at": None if period is None or status == "canceled" else rfc3339(period[1]),
        "paused_at": None, "canceled_at": None if canceled_at is None else rfc3339(canceled_at),
        "discount": None, "collection_mode": "automatic", "billing_details": None,
        "current_billing_period": None if period is None else {
            "starts_at": rfc3339(period[0]), "ends_at": rfc3339(period[1])},
        "billing_cycle": {"frequency": 1, "interval": "month"},
        "scheduled_change": change,
        "items": [{
            "status": "active", "quantity": 1, "recurring": True,
            "created_at": rfc3339(OCCURRED_AT), "updated_at": rfc3339(occurred_at),
            "previously_billed_at": rfc3339(OCCURRED_AT), "next_billed_at": None,
            "trial_dates": None,
            "price": {"id": price_id, "product_id": "pro_01gsz4t5hdjse780zja8vvr7jg",
                      "description": "Monthly", "type": "standard",
                      "billing_cycle": {"frequency": 1, "interval": "month"},
                      "unit_price": {"amount": "1000", "currency_code": "EUR"},
                      "status": "active", "custom_data": None},
        }],
        "custom_data": None, "management_urls": {
            "update_payment_method": "https://buyer-portal.paddle.com/x/update",
            "cancel": "https://buyer-portal.paddle.com/x/cancel"},
    }
    return notification(event_id, type, subscription, occurred_at)


def transaction_event(event_id: str, type: str = "transaction.completed", *,
                      lines: Sequence[tuple[str | None, int]] = ((PRICE_ID, 1000),),
                      period: Period | None = PERIOD, currency_code: str = "EUR",
                      grand_total: int | None = None, prorated: bool = False,
                      occurred_at: datetime = OCCURRED_AT,
                      transaction_id: str = TRANSACTION_ID,
                      subscription_id: str | None = SUBSCRIPTION_ID,
                      customer_id: str = CUSTOMER_ID) -> bytes:
    """A `transaction.*` notification of a subscription's transaction; `lines` are its
    line items (price id, subtotal in minor units, negative for a proration's credit) and
    `grand_total` what was charged (their sum unless given); `prorated` lines carry
    Paddle's `proration`."""
    total = str(sum(amount for _, amount in lines) if grand_total is None else grand_total)
    line_items = [{
        "id": f"txnitm_{n}", "price_id": price, "quantity": 1,
        "proration": None if not prorated else {
            "rate": "0.5", "billing_period": None if period is None else {
                "starts_at": rfc3339(period[0]), "ends_at": rfc3339(period[1])}},
        "tax_rate": "0", "unit_totals": {"subtotal": str(amount), "tax": "0",
                                         "discount": "0", "total": str(amount)},
        "totals": {"subtotal": str(amount), "tax": "0", "discount": "0",
                   "total": str(amount)},
        "product": {"id": "pro_01gsz4t5hdjse780zja8vvr7jg", "name": "Plan"},
    } for n, (price, amount) in enumerate(lines)]
    transaction = {
        "id": transaction_id, "status": _STATUS.get(type, "ready"),
        "customer_id": customer_id, "address_id": "add_01hv8gq3318ktkfengj2r75gfx",
        "business_id": None, "custom_data": None, "origin": "subscription_recurring",
        "collection_mode": "automatic", "subscription_id": subscription_id,
        "invoice_id": "inv_01hv8x2a", "invoice_number": "325-10566",
        "billing_details": None, "currency_code": currency_code, "discount_id": None,
        "billing_period": None if period is None else {
            "starts_at": rfc3339(period[0]), "ends_at": rfc3339(period[1])},
        "created_at": rfc3339(occurred_at), "updated_at": rfc3339(occurred_at),
        "billed_at": rfc3339(occurred_at),
        "items": [{"price": {"id": price}, "quantity": 1, "proration": None}
                  for price, _ in lines],
        "details": {
            "tax_rates_used": [],
            "totals": {"subtotal": total, "tax": "0", "discount": "0", "total": total,
                       "credit": "0", "balance": "0", "grand_total": total, "fee": None,
                       "earnings": None, "currency_code": currency_code},
            "payout_totals": None, "line_items": line_items,
        },
        "payments": [], "checkout": {"url": None},
    }
    return notification(event_id, type, transaction, occurred_at)


def notification(event_id: str, type: str, data: Any, occurred_at: datetime) -> bytes:
    envelope = {"event_id": event_id, "event_type": type,
                "occurred_at": rfc3339(occurred_at),
                "notification_id": f"ntf_{event_id}", "data": data}
    return json.dumps(envelope).encode()
