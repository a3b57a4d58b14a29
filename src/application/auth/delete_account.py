from application.audit_trail import AuditTrail
from domain.ids import UserId
from domain.ports.audit import AuditLog
from domain.ports.documents import DocumentRepository
from domain.ports.transactions import TransactionManager
from domain.ports.users import UserRepository


class DeleteAccount:
    """Erase the signed-in user's account (GDPR, art. 17).

    - the account, its documents and its sessions are deleted in one transaction
    - audit entries stay (they are the service's security record) but lose their actor
    - payments, once they exist, are kept anonymised for accounting
    """

    def __init__(self, users: UserRepository, documents: DocumentRepository, log: AuditLog,
                 audit: AuditTrail, tx: TransactionManager) -> None:
        self._users, self._documents, self._log, self._audit = users, documents, log, audit
        self._tx = tx

    async def __call__(self, user_id: UserId) -> None:
        user = await self._users.get(user_id)
        await self._documents.delete_all(user.id)
        await self._log.anonymise_actor(user.id)
        await self._users.delete(user.id)
        await self._audit.record("account.deleted", actor=None, target=str(user.id))
        await self._tx.commit()
