"""Steps shared by the JobRepository contract suites."""

from datetime import timedelta

from tests.builders import a_document, a_user
from tests.contracts.storage import Storage, given

from domain.documents import Document
from domain.users import User

LEASE = timedelta(minutes=5)


async def a_stored_document(storage: Storage) -> tuple[User, Document]:
    """A committed document and its owner, for jobs to work on."""
    owner = a_user()
    document = a_document(owner=owner)
    await given(storage, owner, document)
    return owner, document
