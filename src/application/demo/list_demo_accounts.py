from domain.demo_accounts import is_demo_address
from domain.pages import MAX_PAGE, PageRequest
from domain.ports.users import UserRepository
from domain.users import User


class ListDemoAccounts:
    """Every demo account (an address under the demo domain), oldest first; real users are
    never among them."""

    def __init__(self, users: UserRepository) -> None:
        self._users = users

    async def __call__(self) -> list[User]:
        found: list[User] = []
        offset = 0
        while True:
            page = await self._users.list(PageRequest(limit=MAX_PAGE, offset=offset))
            found += [user for user in page.items if is_demo_address(user.email)]
            offset += len(page.items)
            if not page.items or offset >= page.total:
                return found
