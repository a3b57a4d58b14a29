"""Stripe webhook deliveries made up for demo data, signed as Stripe signs them, so they go
through the real `StripeEventReader` (signature first) and `HandlePaymentEvent`."""

from __future__ import annotations

import hashlib
import hmac
import json
from datetime import datetime
from typing import Any

from domain.payments import Payment


def paid_event(payment: Payment, now: datetime) -> bytes:
    """`checkout.session.completed`, paid in full, for the session opened for `payment`."""
    reference = str(payment.id)
    return _event(f"evt_demo_paid_{payment.id.hex}", "checkout.session.completed", now, {
        "id": payment.checkout_session_id, "object": "checkout.session", "mode": "payment",
        "client_reference_id": reference, "metadata": {"payment_id": reference},
        "amount_total": payment.price.amount, "currency": payment.price.currency,
        "payment_intent": intent_of(payment), "payment_status": "paid", "status": "complete",
        "livemode": False})


def refund_event(payment: Payment, now: datetime) -> bytes:
    """`charge.refunded`, in full, of the charge that paid `payment`."""
    return _event(f"evt_demo_refund_{payment.id.hex}", "charge.refunded", now, {
        "id": f"ch_demo_{payment.id.hex}", "object": "charge",
        "amount": payment.price.amount, "amount_refunded": payment.price.amount,
        "currency": payment.price.currency, "metadata": {"payment_id": str(payment.id)},
        "payment_intent": intent_of(payment), "refunded": True, "livemode": False})


def intent_of(payment: Payment) -> str:
    return f"pi_demo_{payment.id.hex}"


def signature(payload: bytes, secret: str, now: datetime) -> str:
    """The `Stripe-Signature` header: `t=<unix seconds>,v1=<HMAC-SHA256 of "t." + payload>`."""
    timestamp = int(now.timestamp())
    signed = f"{timestamp}.".encode() + payload
    return f"t={timestamp},v1={hmac.new(secret.encode(), signed, hashlib.sha256).hexdigest()}"


def _event(event_id: str, type: str, now: datetime, data_object: dict[str, Any]) -> bytes:
    return json.dumps({"id": event_id, "object": "event", "type": type,
                       "created": int(now.timestamp()), "livemode": False,
                       "data": {"object": data_object}}).encode()
