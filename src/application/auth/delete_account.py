from application.audit_trail import AuditTrail
from application.exports.export_document import exports_of
from domain.ids import UserId
from domain.ports.audit import AuditLog
from domain.ports.documents import DocumentRepository
from domain.ports.exports import BlobStore
from domain.ports.payments import PaymentRepository
from domain.ports.subscription_gateway import SubscriptionGateway
from domain.ports.subscriptions import BillingCustomers, SubscriptionRepository
from domain.ports.transactions import TransactionManager
from domain.ports.users import UserRepository


class DeleteAccount:
    """Erase the signed-in user's account (GDPR, art. 17).

    - the account, its documents and its sessions are deleted in one transaction
    - audit entries stay (they are the service's security record) but lose their actor
    - payments and subscriptions are kept, anonymised, for accounting; the customer at
      the payment provider is forgotten
    - a live subscription is first told to end with its period (nothing renews for an
      account that is gone); if the provider cannot be told, nothing is erased
      (PaymentsUnavailable) and the user may try again
    - exported files of the documents are removed once the erasure is committed
    """

    def __init__(self, users: UserRepository, documents: DocumentRepository,
                 payments: PaymentRepository, blobs: BlobStore, log: AuditLog,
                 audit: AuditTrail, tx: TransactionManager, customers: BillingCustomers,
                 subscriptions: SubscriptionRepository, billing: SubscriptionGateway) -> None:
        self._users, self._documents, self._log, self._audit = users, documents, log, audit
        self._payments, self._blobs, self._tx = payments, blobs, tx
        self._customers, self._subscriptions, self._billing = customers, subscriptions, billing

    async def __call__(self, user_id: UserId) -> None:
        user = await self._users.get(user_id)
        live = await self._subscriptions.current(user.id)
        if live is not None and live.state.live and not live.state.cancel_at_period_end:
            await self._billing.set_cancel_at_period_end(live.ref, True)
        await self._documents.delete_all(user.id)
        await self._payments.anonymise(user.id)
        await self._subscriptions.anonymise(user.id)
        await self._customers.forget(user.id)
        await self._log.anonymise_actor(user.id)
        await self._users.delete(user.id)
        await self._audit.record("account.deleted", actor=None, target=str(user.id))
        await self._tx.commit()
        await self._blobs.delete_prefix(exports_of(user.id))
