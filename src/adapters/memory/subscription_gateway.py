from dataclasses import dataclass

from adapters.memory.payment_gateway import InMemoryPaymentGateway
from domain.ids import UserId
from domain.payments import PaymentsUnavailable
from domain.ports.payment_gateway import CheckoutPages, CheckoutSession
from domain.ports.subscription_gateway import SubscriptionGateway
from domain.subscriptions import Plan


@dataclass(frozen=True, slots=True, kw_only=True)
class OpenedSubscription:
    customer_ref: str
    plan: Plan
    session: CheckoutSession


class InMemoryBilling(InMemoryPaymentGateway, SubscriptionGateway):
    """Customers keyed by user and pages keyed by attempt, as the provider's idempotency
    keys would; `cancel_at_period_end` is what the provider was last told per subscription."""

    def __init__(self, base_url: str = "https://checkout.test/pay",
                 provider: str = "stripe") -> None:
        super().__init__(base_url)
        self._provider = provider
        self.customers: dict[UserId, str] = {}
        self.subscriptions_opened: dict[str, OpenedSubscription] = {}
        self.cancel_at_period_end: dict[str, bool] = {}

    @property
    def provider(self) -> str:
        return self._provider

    async def create_customer(self, user_id: UserId, email: str) -> str:
        self._reachable()
        return self.customers.setdefault(user_id, f"cus_test_{len(self.customers) + 1}")

    async def open_subscription(self, customer_ref: str, plan: Plan, attempt: str,
                                pages: CheckoutPages) -> CheckoutSession:
        self._reachable()
        if attempt not in self.subscriptions_opened:
            session_id = f"cs_sub_{len(self.subscriptions_opened) + 1}"
            self.subscriptions_opened[attempt] = OpenedSubscription(
                customer_ref=customer_ref, plan=plan,
                session=CheckoutSession(id=session_id, url=f"{self._base_url}/{session_id}"))
        return self.subscriptions_opened[attempt].session

    async def set_cancel_at_period_end(self, subscription_ref: str, cancel: bool) -> None:
        self._reachable()
        self.cancel_at_period_end[subscription_ref] = cancel

    async def portal(self, customer_ref: str, return_url: str) -> str:
        self._reachable()
        return f"https://billing.test/portal/{customer_ref}?return={return_url}"

    def _reachable(self) -> None:
        if self.unreachable:
            raise PaymentsUnavailable("The payment provider cannot be reached; try again.")
