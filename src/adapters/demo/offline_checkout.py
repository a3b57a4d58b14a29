from domain.payments import CreditPack, Payment
from domain.ports.payment_gateway import CheckoutPages, CheckoutSession, PaymentGateway


class OfflinePaymentGateway(PaymentGateway):
    """Checkout for demo data: no provider is called and nobody can pay on the page. The
    session id is derived from the payment's id, so asking again opens the same session; it
    is labelled `cs_demo_` so no one takes it for Stripe's."""

    async def open_checkout(self, payment: Payment, pack: CreditPack, email: str,
                            pages: CheckoutPages) -> CheckoutSession:
        session_id = f"cs_demo_{payment.id.hex}"
        return CheckoutSession(id=session_id, url=f"{pages.cancel_url}#{session_id}")
