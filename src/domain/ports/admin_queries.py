from abc import abstractmethod
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Protocol

from domain.jobs import JobState
from domain.pages import Page, PageRequest
from domain.users import User


@dataclass(frozen=True, slots=True, kw_only=True)
class ServiceCounts:
    """How many users, documents and jobs (by state) the service holds."""

    users: int
    documents: int
    jobs: Mapping[JobState, int]


@dataclass(frozen=True, slots=True, kw_only=True)
class UserSummary:
    """A user as the admin's list shows them: the account and the credits it holds."""

    user: User
    credits: int


class AdminQueries(Protocol):
    """Read-only figures for the admin screens, in the caller's transaction.

    - `counts` counts every stored user, document and job; `jobs` has every JobState, with 0
      for a state no job is in. An erased user's documents and jobs are gone with them.
    - `users` pages through every user, newest first (ties by id, descending), each with
      their credits: the sum of their ledger entries, as `QuotaLedger.balance` reports it;
      0 for a user who never had any. One read for the whole page, whatever its size.
    """

    @abstractmethod
    async def counts(self) -> ServiceCounts: ...

    @abstractmethod
    async def users(self, page: PageRequest) -> Page[UserSummary]: ...
