from dataclasses import dataclass

from domain.ids import PaymentId
from domain.payments import CreditPack, Payment, PaymentsUnavailable
from domain.ports.payment_gateway import CheckoutPages, CheckoutSession, PaymentGateway


@dataclass(frozen=True, slots=True, kw_only=True)
class OpenedCheckout:
    payment: Payment
    pack: CreditPack
    email: str
    pages: CheckoutPages
    session: CheckoutSession


class InMemoryPaymentGateway(PaymentGateway):
    """Checkout pages kept in a dict keyed by payment, as the provider's idempotency keys
    would: opening one again for the same payment returns the same session. `unreachable`
    makes every call fail as an outage would."""

    def __init__(self, base_url: str = "https://checkout.test/pay") -> None:
        self._base_url = base_url
        self.opened: dict[PaymentId, OpenedCheckout] = {}
        self.unreachable = False

    async def open_checkout(self, payment: Payment, pack: CreditPack, email: str,
                            pages: CheckoutPages) -> CheckoutSession:
        if self.unreachable:
            raise PaymentsUnavailable("The payment provider cannot be reached; try again.")
        if payment.id not in self.opened:
            session_id = f"cs_test_{len(self.opened) + 1}"
            self.opened[payment.id] = OpenedCheckout(
                payment=payment, pack=pack, email=email, pages=pages,
                session=CheckoutSession(id=session_id, url=f"{self._base_url}/{session_id}"))
        return self.opened[payment.id].session
