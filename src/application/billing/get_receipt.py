from application.billing.policy import BillingPolicy
from domain.ids import PaymentId, UserId
from domain.ports.payments import PaymentRepository
from domain.ports.receipts import ReceiptRenderer
from domain.ports.users import UserRepository
from domain.receipts import Receipt, Seller


class GetReceipt:
    """The PDF receipt of one of the caller's payments.

    - another user's payment and a missing one are NotFound alike
    - only a payment that succeeded has a receipt (NoReceipt otherwise); a refunded one's
      receipt says when it was refunded
    - rendered in the render pool, never on the event loop
    """

    def __init__(self, payments: PaymentRepository, users: UserRepository,
                 policy: BillingPolicy, seller: Seller, renderer: ReceiptRenderer) -> None:
        self._payments, self._users, self._policy = payments, users, policy
        self._seller, self._renderer = seller, renderer

    async def __call__(self, owner: UserId, payment_id: PaymentId) -> bytes:
        payment = await self._payments.get(owner, payment_id)
        user = await self._users.get(owner)
        receipt = Receipt.of(payment, seller=self._seller, buyer_email=user.email.value,
                             item=self._policy.item_name(payment.pack_id))
        return await self._renderer.render(receipt)
