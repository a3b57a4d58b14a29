from application.admin.access import require_admin
from domain.pages import Page, PageRequest
from domain.ports.admin_queries import AdminQueries, UserSummary
from domain.users import User


class ListUsers:
    """Every user, newest first, a page at a time, for an admin.

    - only admins may; others get PermissionDenied
    - each user comes with whether they are blocked and the credits they hold
    """

    def __init__(self, queries: AdminQueries) -> None:
        self._queries = queries

    async def __call__(self, actor: User, page: PageRequest) -> Page[UserSummary]:
        require_admin(actor, "list users")
        return await self._queries.users(page)
