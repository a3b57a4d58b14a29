from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta
from functools import cache

from sqlalchemy import (
    Boolean,
    Insert,
    and_,
    bindparam,
    false,
    func,
    insert,
    or_,
    select,
    update,
)
from sqlalchemy.ext.asyncio import AsyncSession

from adapters.sql.execution import execute
from adapters.sql.job_rows import event_from_row, event_row, job_changes, job_from_row, job_row
from adapters.sql.tables import generation_jobs, job_events
from domain.errors import Conflict, NotFound
from domain.ids import DocumentId, JobId, UserId
from domain.jobs import GenerationJob, JobEvent, JobState
from domain.ports.jobs import JobRepository, LeaseLost

_QUEUED, _RUNNING = JobState.QUEUED.value, JobState.RUNNING.value
_c, _e = generation_jobs.c, job_events.c

_INSERT = insert(generation_jobs)
_FOR_WORKER = select(generation_jobs).where(_c.id == bindparam("job_id"))
_OWNED = _FOR_WORKER.where(_c.owner_id == bindparam("owner"))
# FOR UPDATE on PostgreSQL; SQLite ignores it, and a no-op UPDATE takes its one write lock.
_LOCK = {"postgresql": _FOR_WORKER.with_for_update(),
         "sqlite": (update(generation_jobs).where(_c.id == bindparam("job_id"))
                    .values(state=_c.state).returning(*generation_jobs.c))}
_CLAIMABLE = (select(generation_jobs)
              .where(or_(and_(_c.state == _QUEUED, _c.run_after <= bindparam("now")),
                         and_(_c.state == _RUNNING, _c.lease_expires_at <= bindparam("now"))))
              .order_by(_c.created_at, _c.id)
              .limit(bindparam("claim_limit"))
              .with_for_update(skip_locked=True))
# Touches no row, but makes SQLite's transaction a writer: it waits for the write lock
# before the claim reads, so no other claimer can commit in between.
_TAKE_WRITE_LOCK = update(generation_jobs).where(false()).values(state=_c.state)
_UPDATE = (update(generation_jobs).where(_c.id == bindparam("job_id"))
           .values(cancel_requested=or_(_c.cancel_requested,
                                        bindparam("cancel_asked", type_=Boolean))))
_UPDATE_LEASED = _UPDATE.where(_c.lease_owner == bindparam("lease_holder"))
_EXTEND = (update(generation_jobs)
           .where(_c.id == bindparam("job_id"), _c.lease_owner == bindparam("lease_holder"))
           .values(lease_expires_at=bindparam("until"))
           .returning(_c.cancel_requested))
_CANCEL = (update(generation_jobs).where(_c.id == bindparam("job_id"))
           .values(cancel_requested=True))
_ACTIVE = (select(generation_jobs)
           .where(_c.document_id == bindparam("document_id"),
                  _c.state.in_([_QUEUED, _RUNNING]))
           .order_by(_c.created_at.desc(), _c.id.desc())
           .limit(1))
_OF_OWNER = (select(generation_jobs).where(_c.owner_id == bindparam("owner"))
             .order_by(_c.created_at, _c.id))
_INSERT_EVENT = insert(job_events)
_EVENTS_AFTER = (select(job_events)
                 .where(_e.job_id == bindparam("job_id"), _e.seq > bindparam("after"))
                 .order_by(_e.seq)
                 .limit(bindparam("event_limit")))
_COUNT = select(_c.state, func.count().label("jobs")).group_by(_c.state)


_EVENT_FIELDS = ("seq", "state", "progress", "step", "at")


@cache
def _saved_with_event(fields: frozenset[str], leased: bool) -> Insert:
    """PostgreSQL: the job's UPDATE (of `fields`, as `job_changes` names them; under the
    lease when `leased`) and its event's INSERT in one statement, the event inserted from
    the row the UPDATE returned, so a refused save inserts none. Parameters: `job_<field>`,
    `event_<field>`, `job_id`, `cancel_asked`, `lease_holder`."""
    values: dict[str, object] = {name: bindparam(f"job_{name}", type_=_c[name].type)
                                 for name in sorted(fields)}
    values["cancel_requested"] = or_(_c.cancel_requested,
                                     bindparam("cancel_asked", type_=Boolean))
    job = update(generation_jobs).where(_c.id == bindparam("job_id"))
    if leased:
        job = job.where(_c.lease_owner == bindparam("lease_holder"))
    saved = job.values(values).returning(_c.id).cte("saved_job")
    event = select(saved.c.id, *(bindparam(f"event_{name}", type_=_e[name].type)
                                 for name in _EVENT_FIELDS))
    return (insert(job_events).add_cte(saved)
            .from_select(["job_id", *_EVENT_FIELDS], event).returning(_e.seq))


def _leased_changes(job: GenerationJob, lease_owner: str | None) -> dict[str, object]:
    """`job_changes`, less the lease expiry when `lease_owner` still holds the job: that
    expiry is the heartbeat's to move."""
    changes = job_changes(job)
    if lease_owner is not None and job.lease_owner == lease_owner:
        del changes["lease_expires_at"]
    return changes


def _no_document() -> NotFound:
    return NotFound("No such document.")


def _no_job() -> NotFound:
    return NotFound("No such job.")


def _seq_taken() -> Conflict:
    return Conflict("That job event is already stored.")


_ADD_CONFLICTS = {"fk_generation_jobs_": _no_document, "FOREIGN KEY constraint": _no_document}
_EVENT_CONFLICTS = {"pk_job_events": _seq_taken, "job_events.job_id": _seq_taken,
                    "fk_job_events_": _no_job, "FOREIGN KEY constraint": _no_job}


class SqlJobRepository(JobRepository):
    """Jobs in `generation_jobs`, their events in `job_events`.

    `claim` reads the claimable rows with FOR UPDATE SKIP LOCKED on PostgreSQL, so that
    concurrent claimers lock disjoint rows; on SQLite it first takes the database's one write
    lock. Every save is one conditional UPDATE, which waits for a claimer holding the row.
    """

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def add(self, job: GenerationJob) -> None:
        await execute(self._session, _INSERT, job_row(job), conflicts=_ADD_CONFLICTS)

    async def get(self, owner: UserId, id: JobId) -> GenerationJob:
        row = (await execute(self._session, _OWNED, {"job_id": id, "owner": owner})
               ).one_or_none()
        if row is None:
            raise _no_job()
        return job_from_row(row)

    async def get_for_worker(self, id: JobId) -> GenerationJob | None:
        row = (await execute(self._session, _FOR_WORKER, {"job_id": id})).one_or_none()
        return None if row is None else job_from_row(row)

    async def lock_for_worker(self, id: JobId) -> GenerationJob | None:
        statement = _LOCK[self._session.get_bind().dialect.name]
        row = (await execute(self._session, statement, {"job_id": id})).one_or_none()
        return None if row is None else job_from_row(row)

    async def claim(self, worker: str, now: datetime, lease: timedelta,
                    limit: int) -> list[GenerationJob]:
        if self._session.get_bind().dialect.name == "sqlite":
            await execute(self._session, _TAKE_WRITE_LOCK)
        rows = await execute(self._session, _CLAIMABLE, {"now": now, "claim_limit": limit})
        claimed = [job_from_row(row).claim(worker, now, lease) for row in rows]
        if claimed:
            await execute(self._session, _UPDATE, [job_changes(job) for job in claimed])
        return claimed

    async def save(self, job: GenerationJob, *, lease_owner: str | None = None) -> None:
        if lease_owner is None:
            if (await execute(self._session, _UPDATE, job_changes(job))).rowcount == 0:
                raise _no_job()
            return
        changes = {**_leased_changes(job, lease_owner), "lease_holder": lease_owner}
        if (await execute(self._session, _UPDATE_LEASED, changes)).rowcount == 0:
            raise LeaseLost()

    async def save_with_event(self, job: GenerationJob, event: JobEvent, *,
                              lease_owner: str | None = None) -> None:
        if self._session.get_bind().dialect.name != "postgresql":
            await self.save(job, lease_owner=lease_owner)
            await self.append_event(event)
            return
        changes = _leased_changes(job, lease_owner)
        job_id, cancel_asked = changes.pop("job_id"), changes.pop("cancel_asked")
        parameters = {"job_id": job_id, "cancel_asked": cancel_asked,
                      "lease_holder": lease_owner,
                      **{f"job_{name}": value for name, value in changes.items()},
                      **{f"event_{name}": value for name, value in event_row(event).items()
                         if name != "job_id"}}
        statement = _saved_with_event(frozenset(changes), lease_owner is not None)
        stored = await execute(self._session, statement, parameters,
                               conflicts=_EVENT_CONFLICTS)
        if stored.first() is None:
            if lease_owner is not None:
                raise LeaseLost()
            raise _no_job()

    async def extend_lease(self, id: JobId, worker: str, until: datetime) -> bool:
        row = (await execute(self._session, _EXTEND,
                             {"job_id": id, "lease_holder": worker, "until": until})
               ).one_or_none()
        if row is None:
            raise LeaseLost()
        return bool(row.cancel_requested)

    async def request_cancel(self, id: JobId) -> None:
        if (await execute(self._session, _CANCEL, {"job_id": id})).rowcount == 0:
            raise _no_job()

    async def active_for_document(self, document_id: DocumentId) -> GenerationJob | None:
        row = (await execute(self._session, _ACTIVE, {"document_id": document_id})
               ).one_or_none()
        return None if row is None else job_from_row(row)

    async def all_of(self, owner: UserId) -> Sequence[GenerationJob]:
        return [job_from_row(row)
                for row in await execute(self._session, _OF_OWNER, {"owner": owner})]

    async def append_event(self, event: JobEvent) -> None:
        await execute(self._session, _INSERT_EVENT, event_row(event),
                      conflicts=_EVENT_CONFLICTS)

    async def events_after(self, job_id: JobId, after: int,
                           limit: int = 500) -> Sequence[JobEvent]:
        rows = await execute(self._session, _EVENTS_AFTER,
                             {"job_id": job_id, "after": after, "event_limit": limit})
        return [event_from_row(row) for row in rows]

    async def count_by_state(self) -> Mapping[JobState, int]:
        counted = {JobState(row.state): row.jobs
                   for row in await execute(self._session, _COUNT)}
        return {state: counted.get(state, 0) for state in JobState}
