"""The one error of backups and restores."""


class BackupError(Exception):
    """A backup or restore cannot go on (a missing tool, a damaged archive, a database that
    does not answer); the message says which and why. Nothing was changed by the step that
    raised it."""
