from application.admin.access import require_admin
from domain.audit import AuditEntry
from domain.pages import Page, PageRequest
from domain.ports.audit import AuditLog
from domain.users import User


class ListAuditLog:
    """The audit log, newest first, a page at a time, for an admin.

    - only admins may; others get PermissionDenied
    - an erased user's entries stay, with no actor
    """

    def __init__(self, log: AuditLog) -> None:
        self._log = log

    async def __call__(self, actor: User, page: PageRequest) -> Page[AuditEntry]:
        require_admin(actor, "read the audit log")
        return await self._log.list(page)
