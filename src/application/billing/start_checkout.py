from dataclasses import dataclass

from application.billing.policy import BillingPolicy
from domain.ids import PaymentId, UserId
from domain.payments import Payment, PaymentOutcome, PaymentsUnavailable
from domain.ports.payment_gateway import PaymentGateway
from domain.ports.payments import PaymentRepository
from domain.ports.system import Clock, IdGenerator
from domain.ports.transactions import TransactionManager
from domain.ports.users import UserRepository


@dataclass(frozen=True, slots=True, kw_only=True)
class Checkout:
    payment_id: PaymentId
    checkout_url: str


class StartCheckout:
    """Open a payment for a credit pack and the provider's checkout page for it.

    - refused with PaymentsUnavailable, before anything is stored, when payments are off
    - the pack must be on sale; its price and credits are fixed on the payment when opened
    - the pending payment is committed before the provider is called, so no event about it
      can arrive before it exists
    - the provider is asked with a key derived from the payment, so retries open one page
    - when the provider cannot be reached the payment is marked failed and the error raised
    """

    def __init__(self, payments: PaymentRepository, users: UserRepository,
                 gateway: PaymentGateway, policy: BillingPolicy, tx: TransactionManager,
                 clock: Clock, ids: IdGenerator) -> None:
        self._payments, self._users, self._gateway = payments, users, gateway
        self._policy = policy
        self._tx, self._clock, self._ids = tx, clock, ids

    async def __call__(self, owner: UserId, pack_id: str) -> Checkout:
        if not self._policy.enabled:
            raise PaymentsUnavailable("Payments are not configured on this server.")
        pack = self._policy.pack(pack_id)
        user = await self._users.get(owner)
        payment = Payment.open(id=PaymentId(self._ids.new_id()), user_id=owner, pack=pack,
                               now=self._clock.now())
        await self._payments.add(payment)
        await self._tx.commit()
        try:
            session = await self._gateway.open_checkout(payment, pack, user.email.value,
                                                        self._policy.pages)
        except PaymentsUnavailable:
            change = payment.settle(PaymentOutcome.FAILED, self._clock.now())
            if change is not None:
                await self._payments.save(change.payment)
                await self._tx.commit()
            raise
        opened = payment.with_checkout(session.id, self._clock.now())
        if session.payment_ref is not None:  # so a refund that comes first finds it
            opened = opened.with_intent(session.payment_ref, self._clock.now())
        await self._payments.save(opened)
        await self._tx.commit()
        return Checkout(payment_id=payment.id, checkout_url=session.url)
