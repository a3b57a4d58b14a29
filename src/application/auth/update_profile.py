from dataclasses import dataclass

from application.audit_trail import AuditTrail
from application.exports.export_document import exports_of
from domain.ids import UserId
from domain.ports.exports import BlobStore
from domain.ports.transactions import TransactionManager
from domain.ports.users import UserRepository
from domain.users import User


@dataclass(frozen=True, slots=True, kw_only=True)
class UpdateProfileRequest:
    user_id: UserId
    display_name: str | None
    ip: str | None = None


class UpdateProfile:
    """Change how the signed-in user is named.

    - the display name is checked by the domain (trimmed, at most 100 characters, no
      control characters); None or a blank name clears it
    - a real change is audited; asking for the name already held changes nothing
    - documents created afterwards take it as their title page's author by default
    - exports print it where a title page names no author, so once the change is
      committed the user's rendered files are dropped, to be rendered again with it
    """

    def __init__(self, users: UserRepository, audit: AuditTrail, blobs: BlobStore,
                 tx: TransactionManager) -> None:
        self._users, self._audit, self._blobs, self._tx = users, audit, blobs, tx

    async def __call__(self, request: UpdateProfileRequest) -> User:
        user = await self._users.get(request.user_id)
        renamed = user.renamed(request.display_name)
        if renamed == user:
            return user
        await self._users.save(renamed)
        await self._audit.record("account.profile_updated", actor=user.id, target=str(user.id),
                                 ip=request.ip, fields=["display_name"])
        await self._tx.commit()
        await self._blobs.delete_prefix(exports_of(user.id))
        return renamed
