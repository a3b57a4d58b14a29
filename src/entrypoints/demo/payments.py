"""Demo payments: a checkout opened through `StartCheckout` (the offline gateway), then the
provider's events made up, signed and applied through `HandlePaymentEvent`, which moves the
credits in the ledger as a real payment would."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import groupby

from adapters.demo.synthetic_stripe_events import paid_event, refund_event, signature
from application.billing.handle_payment_event import HandlePaymentEvent
from application.billing.list_payments import ListPayments
from application.billing.start_checkout import Checkout, StartCheckout
from domain.ids import UserId
from domain.pages import MAX_PAGE, Page, PageRequest
from domain.payments import Payment
from domain.ports.system import Clock
from domain.users import User
from entrypoints.demo.calls import Calls
from entrypoints.demo.plan import Outcome, PlannedPayment


async def seed_payments(call: Calls, clock: Clock, webhook_secret: str,
                        planned: Sequence[PlannedPayment], users: Sequence[User]) -> int:
    """Makes the planned payments a person does not have yet (counted: a person with two
    payments has their first two); returns how many it made."""
    made = 0
    for owner, group in groupby(planned, key=lambda payment: payment.owner):
        user = users[owner]
        have = (await call(ListPayments, user.id, PageRequest(limit=1))).total
        for plan in list(group)[have:]:
            checkout: Checkout = await call(StartCheckout, user.id, plan.pack_id)
            payment = await _payment(call, user.id, checkout)
            if plan.outcome in (Outcome.PAID, Outcome.REFUNDED):
                await _deliver(call, clock, webhook_secret, paid_event(payment, clock.now()))
            if plan.outcome is Outcome.REFUNDED:
                await _deliver(call, clock, webhook_secret, refund_event(payment, clock.now()))
            made += 1
    return made


async def _payment(call: Calls, owner: UserId, checkout: Checkout) -> Payment:
    page: Page[Payment] = await call(ListPayments, owner, PageRequest(limit=MAX_PAGE))
    return next(p for p in page.items if p.id == checkout.payment_id)


async def _deliver(call: Calls, clock: Clock, secret: str, payload: bytes) -> None:
    await call(HandlePaymentEvent, payload, signature(payload, secret, clock.now()))
