from collections.abc import Sequence
from dataclasses import dataclass

from domain.documents import Document
from domain.ids import UserId
from domain.ports.documents import DocumentRepository
from domain.ports.users import UserRepository
from domain.users import User


@dataclass(frozen=True, slots=True, kw_only=True)
class PersonalData:
    user: User
    documents: Sequence[Document]


class ExportMyData:
    """Everything the service holds about the signed-in user (GDPR, art. 15 and 20).

    - the account and every document in full
    - secrets are never part of it: only digests of tokens are stored, and they are left out
    """

    def __init__(self, users: UserRepository, documents: DocumentRepository) -> None:
        self._users, self._documents = users, documents

    async def __call__(self, user_id: UserId) -> PersonalData:
        user = await self._users.get(user_id)
        return PersonalData(user=user, documents=await self._documents.all_of(user.id))
