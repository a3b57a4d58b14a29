from abc import abstractmethod
from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta
from typing import Protocol

from domain.errors import DomainError
from domain.ids import DocumentId, JobId, UserId
from domain.jobs import GenerationJob, JobEvent, JobState


class LeaseLost(DomainError):
    """Another worker took the job over (this worker's lease ran out)."""

    default_message = "The job's lease was lost to another worker."


class JobRepository(Protocol):
    """Generation jobs and their numbered progress events, in the caller's transaction.

    - `get` raises NotFound for a missing id and for another owner's job alike;
      `get_for_worker` finds a job by id alone (None when missing). `lock_for_worker` does
      the same and holds the job until the transaction ends (PostgreSQL: `FOR UPDATE`):
      another transaction's lock waits, then reads what this one committed. Steps of one
      job that run at once take it before they change the job or anything else.
    - `claim` takes up to `limit` claimable jobs (see `GenerationJob.claimable`), oldest
      first, and stores them claimed by `worker` for `lease`. Concurrent claimers never get
      the same job (PostgreSQL: `FOR UPDATE SKIP LOCKED`); the caller commits the claim.
    - `save` stores the job. With `lease_owner`, it writes only if storage still shows the
      job leased to that worker, and raises LeaseLost otherwise (no write). A cancel request
      is one-way: `save` never clears a `cancel_requested` that storage already holds, so a
      worker's save cannot undo a concurrent cancel. A save by the worker that keeps holding
      the job leaves the stored lease expiry as it is (heartbeats extend it meanwhile).
    - `save_with_event` is `save` followed by `append_event(event)`, as one write (one
      statement on PostgreSQL): a save refused (LeaseLost, NotFound) stores no event, and
      an event number already taken (Conflict) fails the save with it.
    - `extend_lease` moves only the lease expiry of a job `worker` holds and returns whether
      a cancel was requested; LeaseLost when the worker no longer holds it.
    - `request_cancel` sets only the cancel request (NotFound for a missing job).
    - `active_for_document` is the queued or running job of a document, if any.
    - `all_of` is every job of an owner (of any state), oldest first, in one round trip.
    - `append_event` stores an event; (job_id, seq) is unique (Conflict otherwise).
      `events_after` lists a job's events with seq > `after`, in order, at most `limit`.
    - `count_by_state` counts all jobs by state.
    """

    @abstractmethod
    async def add(self, job: GenerationJob) -> None: ...

    @abstractmethod
    async def get(self, owner: UserId, id: JobId) -> GenerationJob: ...

    @abstractmethod
    async def get_for_worker(self, id: JobId) -> GenerationJob | None: ...

    @abstractmethod
    async def lock_for_worker(self, id: JobId) -> GenerationJob | None: ...

    @abstractmethod
    async def claim(self, worker: str, now: datetime, lease: timedelta,
                    limit: int) -> list[GenerationJob]: ...

    @abstractmethod
    async def save(self, job: GenerationJob, *, lease_owner: str | None = None) -> None: ...

    @abstractmethod
    async def save_with_event(self, job: GenerationJob, event: JobEvent, *,
                              lease_owner: str | None = None) -> None: ...

    @abstractmethod
    async def extend_lease(self, id: JobId, worker: str, until: datetime) -> bool: ...

    @abstractmethod
    async def request_cancel(self, id: JobId) -> None: ...

    @abstractmethod
    async def active_for_document(self, document_id: DocumentId) -> GenerationJob | None: ...

    @abstractmethod
    async def all_of(self, owner: UserId) -> Sequence[GenerationJob]: ...

    @abstractmethod
    async def append_event(self, event: JobEvent) -> None: ...

    @abstractmethod
    async def events_after(self, job_id: JobId, after: int,
                           limit: int = 500) -> Sequence[JobEvent]: ...

    @abstractmethod
    async def count_by_state(self) -> Mapping[JobState, int]: ...
