"""How storage failures reach the rest of the service."""

from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager

from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from domain.errors import DomainError


class StorageError(Exception):
    """The database failed in a way the domain has no word for (down, timed out, a bug)."""


@contextmanager
def storage_errors(
    conflicts: Mapping[str, Callable[[], DomainError]] | None = None,
) -> Iterator[None]:
    """Translate database errors: a broken constraint named in `conflicts` (by any marker the
    driver puts in its message, e.g. `uq_users_email` or `users.email`) becomes that domain
    error; anything else becomes StorageError. Both are raised from the original error."""
    try:
        yield
    except IntegrityError as error:
        message = str(error.orig)
        for marker, domain_error in (conflicts or {}).items():
            if marker in message:
                raise domain_error() from error
        raise StorageError(f"integrity error: {message}") from error
    except (SQLAlchemyError, OSError) as error:
        raise StorageError(f"storage failed: {error}") from error
