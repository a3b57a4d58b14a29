from domain.errors import PermissionDenied
from domain.users import User


def require_admin(actor: User, to: str) -> None:
    """Every admin use case starts here: anyone but an admin gets PermissionDenied."""
    if not actor.is_admin:
        raise PermissionDenied(f"Only admins can {to}.")
