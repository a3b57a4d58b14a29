"""The schema revisions this version of TesiGo knows (its Alembic migrations)."""

from alembic.script import ScriptDirectory
from alembic.util.exc import CommandError

from adapters.backups.errors import BackupError
from adapters.sql.migrate import MIGRATIONS


def head() -> str:
    return str(ScriptDirectory(str(MIGRATIONS)).get_current_head())


def check_restorable(revision: str | None) -> None:
    """A backup restores into this version only at a revision its migrations know (an older
    one is brought up by `tesigo migrate`); one made by a newer version is refused."""
    if revision is None:
        return
    try:
        ScriptDirectory(str(MIGRATIONS)).get_revision(revision)
    except CommandError:
        raise BackupError(f"the backup's schema revision {revision!r} is unknown to this "
                          f"version of TesiGo (newest known: {head()!r}); restore it with the "
                          "version that made it") from None
