import msgspec


class Strict(msgspec.Struct, kw_only=True, frozen=True, forbid_unknown_fields=True):
    """Base of every request and response body: unknown fields are refused, values frozen.
    Subclasses repeat `kw_only=True, frozen=True` because type checkers do not inherit them."""
