"""Steps shared by the JobRepository contract suites."""

from datetime import timedelta

from tests.builders import NOW, a_document, a_job, a_user
from tests.contracts.storage import Storage, Unit, given

from domain.documents import Document
from domain.jobs import GenerationJob
from domain.users import User

LEASE = timedelta(minutes=5)


async def a_stored_document(storage: Storage) -> tuple[User, Document]:
    """A committed document and its owner, for jobs to work on."""
    owner = a_user()
    document = a_document(owner=owner)
    await given(storage, owner, document)
    return owner, document


async def a_job_taken_over(storage: Storage, unit: Unit,
                           ) -> tuple[User, GenerationJob, GenerationJob]:
    """A job claimed by worker-1 (in `unit`, committed), then, its lease run out, taken over
    by worker-2 (committed): its owner, worker-1's copy and worker-2's."""
    owner, document = await a_stored_document(storage)
    await given(storage, a_job(owner=owner, document=document))
    [mine] = await unit.jobs.claim("worker-1", NOW, LEASE, limit=1)
    await unit.tx.commit()
    other = storage.begin()
    [theirs] = await other.jobs.claim("worker-2", NOW + LEASE, LEASE, limit=1)
    await other.tx.commit()
    return owner, mine, theirs
