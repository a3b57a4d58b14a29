"""How storage failures reach the rest of the service."""

from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager

import structlog
from sqlalchemy.exc import DBAPIError, IntegrityError, SQLAlchemyError
from sqlalchemy.exc import TimeoutError as PoolTimeout

from domain.errors import Conflict, DomainError
from domain.ports.transactions import StorageBusy

# PostgreSQL rolls one transaction back when two wait on each other (a deadlock) or when it
# cannot serialise them: the transaction lost a race with a concurrent change and nothing
# of it stayed, so it is a Conflict to try again, not a failure of the service.
ROLLED_BACK = {"40P01": "deadlock", "40001": "serialization failure"}
# PostgreSQL cancelled a statement that ran past `statement_timeout` (DB_STATEMENT_TIMEOUT_S).
QUERY_CANCELED = "57014"
log = structlog.get_logger("tesigo.storage")


class StorageError(Exception):
    """The database failed in a way the domain has no word for (down, timed out, a bug)."""


@contextmanager
def storage_errors(
    conflicts: Mapping[str, Callable[[], DomainError]] | None = None,
) -> Iterator[None]:
    """Translate database errors: a broken constraint named in `conflicts` (by any marker the
    driver puts in its message, e.g. `uq_users_email` or `users.email`) becomes that domain
    error; a transaction the database rolled back for a concurrent one (ROLLED_BACK) becomes
    Conflict; no pooled connection within the pool's timeout, or a statement cancelled by
    PostgreSQL's statement timeout, becomes StorageBusy; anything else becomes StorageError.
    All are raised from the original error."""
    try:
        yield
    except PoolTimeout as error:
        log.warning("no database connection free in time", pool=str(error)[:200])
        raise StorageBusy from error
    except IntegrityError as error:
        message = str(error.orig)
        for marker, domain_error in (conflicts or {}).items():
            if marker in message:
                raise domain_error() from error
        raise StorageError(f"integrity error: {message}") from error
    except DBAPIError as error:
        sqlstate = getattr(error.orig, "sqlstate", None) or ""
        if sqlstate == QUERY_CANCELED:
            log.warning("statement cancelled by the database's statement timeout")
            raise StorageBusy("The service took too long to answer; nothing was changed. "
                              "Try again shortly.") from error
        if (reason := ROLLED_BACK.get(sqlstate)) is None:
            raise StorageError(f"storage failed: {error}") from error
        log.warning("transaction rolled back by the database", reason=reason)
        raise Conflict("A concurrent change to the same data got in the way; nothing was "
                       "changed. Try again.") from error
    except (SQLAlchemyError, OSError) as error:
        raise StorageError(f"storage failed: {error}") from error
