from abc import abstractmethod
from collections.abc import Sequence
from datetime import datetime
from typing import Protocol

from domain.ids import PaymentId, UserId
from domain.pages import Page, PageRequest
from domain.payments import Payment


class PaymentRepository(Protocol):
    """Payments, in the caller's transaction.

    - `get` is the owner's view: NotFound for a missing id and for another user's id alike.
    - `lock` and `lock_by_intent` find a payment by our id or by the provider's payment
      intent, whoever owns it, and lock it until the caller's transaction ends (a concurrent
      `lock` of the same payment waits), so two events about one payment apply one after the
      other; None when there is no such payment. `lock_by_intent` also finds a plan's
      period whose invoice was linked to the intent (`link_intent`).
    - `link_intent` records that the provider collected invoice `invoice_ref` through
      `payment_intent_id`, whether or not the invoice's payment exists yet (the provider's
      events may come in either order); linking again changes nothing.
    - `save` stores a changed payment; NotFound if it is gone.
    - `by_invoice` is the payment of the provider's invoice `invoice_ref`, or None; invoice
      refs are unique (a second payment for one is a Conflict).
    - `expiring` is up to `limit` succeeded payments for plan periods that ended by `now`
      and are not yet swept (`expired_credits` None), oldest period first.
    - `list` pages through one user's payments, newest first; `all_of` is every payment of
      the user, oldest first, in one round trip.
    - `revenue` sums what succeeded payments collected, per currency (refunded and failed
      payments collected nothing that stayed).
    - `anonymise` detaches a user's payments from them (user_id None), for an account that
      is erased; the payments stay, and count in `revenue`.
    """

    @abstractmethod
    async def add(self, payment: Payment) -> None: ...

    @abstractmethod
    async def get(self, owner: UserId, id: PaymentId) -> Payment: ...

    @abstractmethod
    async def lock(self, id: PaymentId) -> Payment | None: ...

    @abstractmethod
    async def lock_by_intent(self, payment_intent_id: str) -> Payment | None: ...

    @abstractmethod
    async def save(self, payment: Payment) -> None: ...

    @abstractmethod
    async def link_intent(self, invoice_ref: str, payment_intent_id: str,
                          now: datetime) -> None: ...

    @abstractmethod
    async def by_invoice(self, invoice_ref: str) -> Payment | None: ...

    @abstractmethod
    async def expiring(self, now: datetime, limit: int) -> Sequence[Payment]: ...

    @abstractmethod
    async def list(self, owner: UserId, page: PageRequest) -> Page[Payment]: ...

    @abstractmethod
    async def all_of(self, owner: UserId) -> Sequence[Payment]: ...

    @abstractmethod
    async def revenue(self) -> dict[str, int]: ...

    @abstractmethod
    async def anonymise(self, owner: UserId) -> None: ...


class ProcessedEvents(Protocol):
    """The ids of the payment provider's events already applied (webhook dedupe).

    - `record` claims `event_id` in the caller's transaction and returns True; it returns
      False when the id is already recorded. Ids are unique (a database constraint): a
      concurrent `record` of the same id waits for the first transaction and returns False
      once it commits, True if it rolled back. So an event recorded in the same transaction
      as its effect is applied exactly once.
    """

    @abstractmethod
    async def record(self, event_id: str, event_type: str, now: datetime) -> bool: ...
