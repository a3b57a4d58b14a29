"""How storage failures reach the rest of the service."""

from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager

import structlog
from sqlalchemy.exc import DBAPIError, IntegrityError, SQLAlchemyError
from sqlalchemy.exc import TimeoutError as PoolTimeout

from domain.errors import Conflict, DomainError
from domain.ports.transactions import StorageBusy, StorageUnavailable

# PostgreSQL rolls one transaction back when two wait on each other (a deadlock) or when it
# cannot serialise them: the transaction lost a race with a concurrent change and nothing
# of it stayed, so it is a Conflict to try again, not a failure of the service.
ROLLED_BACK = {"40P01": "deadlock", "40001": "serialization failure"}
# PostgreSQL cancelled a statement that ran past `statement_timeout` (DB_STATEMENT_TIMEOUT_S).
QUERY_CANCELED = "57014"
# The server went away or is not taking connections: a connection exception (class 08),
# or an administrator's, a crash's or a starting server's refusal.
UNREACHABLE_CLASS, UNREACHABLE = "08", {"57P01", "57P02", "57P03"}
log = structlog.get_logger("tesigo.storage")


class StorageError(Exception):
    """The database failed in a way the domain has no word for (a bug, an unnamed constraint)."""


@contextmanager
def storage_errors(
    conflicts: Mapping[str, Callable[[], DomainError]] | None = None,
) -> Iterator[None]:
    """Translate database errors: a broken constraint named in `conflicts` (by any marker the
    driver puts in its message, e.g. `uq_users_email` or `users.email`) becomes that domain
    error; a transaction the database rolled back for a concurrent one (ROLLED_BACK) becomes
    Conflict; no pooled connection within the pool's timeout, or a statement cancelled by
    PostgreSQL's statement timeout, becomes StorageBusy; a database that cannot be reached
    (refused, dropped or timed-out connections, a server shutting down or starting up)
    becomes StorageUnavailable; anything else becomes StorageError. All are raised from the
    original error."""
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
        if unreachable(error, sqlstate):
            log.warning("database unreachable", error=str(error.orig)[:200])
            raise StorageUnavailable from error
        if sqlstate == QUERY_CANCELED:
            log.warning("statement cancelled by the database's statement timeout")
            raise StorageBusy("The service took too long to answer; nothing was changed. "
                              "Try again shortly.") from error
        if (reason := ROLLED_BACK.get(sqlstate)) is None:
            raise StorageError(f"storage failed: {error}") from error
        log.warning("transaction rolled back by the database", reason=reason)
        raise Conflict("A concurrent change to the same data got in the way; nothing was "
                       "changed. Try again.") from error
    except (OSError, TimeoutError) as error:  # opening a connection failed, or timed out
        log.warning("database unreachable", error=f"{type(error).__name__}: {error}"[:200])
        raise StorageUnavailable from error
    except SQLAlchemyError as error:
        raise StorageError(f"storage failed: {error}") from error


def unreachable(error: DBAPIError, sqlstate: str) -> bool:
    """The driver lost or could not open its connection: SQLAlchemy's own judgement (it
    invalidates the pool's connections then), or the server's word for it."""
    return (error.connection_invalidated or sqlstate in UNREACHABLE
            or sqlstate.startswith(UNREACHABLE_CLASS)
            or isinstance(error.orig, OSError | TimeoutError))
