from contextlib import AbstractAsyncContextManager
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from application.jobs.write_job_section import WriteJobSection


class JobSteps(Protocol):
    """Fresh units of work for the steps of a job that run at once.

    `section()` opens a unit of work of its own (its own transaction) holding a
    WriteJobSection, and closes it when the block ends; two of them never share a
    transaction, so sections of one job can be written concurrently.
    """

    def section(self) -> AbstractAsyncContextManager["WriteJobSection"]: ...
