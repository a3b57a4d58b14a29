from abc import abstractmethod
from typing import Protocol

from domain.ids import UserId
from domain.ports.payment_gateway import CheckoutPages, CheckoutSession
from domain.subscriptions import Plan


class SubscriptionGateway(Protocol):
    """The payment provider's side of subscriptions. Every call raises PaymentsUnavailable
    when payments are not configured or the provider cannot be reached or refuses.

    - `provider` names the provider ("stripe"), as stored with customers and subscriptions.
    - `create_customer` creates the user's customer and returns its id; it is asked with a
      key derived from the user, so asking again (a retry, a race) returns the same one.
    - `open_subscription` opens a hosted page where `customer_ref` subscribes to `plan`;
      `attempt` keys the request, so retries with it open the same page.
    - `set_cancel_at_period_end` tells the provider to end the subscription when its period
      ends (True) or to keep renewing it (False).
    - `portal` is a page where the customer manages their payment details and invoices,
      returning to `return_url`.
    """

    @property
    @abstractmethod
    def provider(self) -> str: ...

    @abstractmethod
    async def create_customer(self, user_id: UserId, email: str) -> str: ...

    @abstractmethod
    async def open_subscription(self, customer_ref: str, plan: Plan, attempt: str,
                                pages: CheckoutPages) -> CheckoutSession: ...

    @abstractmethod
    async def set_cancel_at_period_end(self, subscription_ref: str, cancel: bool) -> None: ...

    @abstractmethod
    async def portal(self, customer_ref: str, return_url: str) -> str: ...
