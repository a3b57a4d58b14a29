from domain.ids import UserId
from domain.pages import Page, PageRequest
from domain.payments import Payment
from domain.ports.payments import PaymentRepository


class ListPayments:
    """A user's own payments, newest first, a page at a time."""

    def __init__(self, payments: PaymentRepository) -> None:
        self._payments = payments

    async def __call__(self, owner: UserId, page: PageRequest) -> Page[Payment]:
        return await self._payments.list(owner, page)
