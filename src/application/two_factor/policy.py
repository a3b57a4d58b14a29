from dataclasses import dataclass

from domain.two_factor import ISSUER


@dataclass(frozen=True, slots=True, kw_only=True)
class SecondFactorPolicy:
    """The configurable side of the second factor, set by the operator.

    `admin_required`: an admin's token carries the admin role only after the second factor.
    At most `max_failures` wrong codes per user within `window_s` seconds.
    """

    admin_required: bool = False
    max_failures: int = 5
    window_s: int = 900
    issuer: str = ISSUER
