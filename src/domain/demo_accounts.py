"""Demo accounts: made up people the `tesigo seed-demo` command signs up, told apart from real
users by their address alone."""

from domain.users import Email

DEMO_DOMAIN = "demo.example.org"  # under example.org (RFC 2606): no mail can ever reach it


def is_demo_address(email: Email) -> bool:
    return email.value.endswith("@" + DEMO_DOMAIN)


def demo_address(local_part: str) -> Email:
    """The demo address `<local_part>@demo.example.org`; InvalidInput for a bad local part."""
    return Email(f"{local_part}@{DEMO_DOMAIN}")
