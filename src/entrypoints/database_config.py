"""DATABASE_URL checked at start, so a URL the engine would refuse stops the service early."""


def database_url_problem(url: str) -> str | None:
    """Why `url` cannot be used (not a URL, an unknown scheme, TLS parameters that cannot be
    honoured, a CA or client certificate file that cannot be read), or None when it can.

    SQLAlchemy is imported only for a URL that is not SQLite's: settings are read before
    `tesigo serve` says it is starting, and that import takes a second or more.
    """
    if url.startswith(("sqlite:///", "sqlite+aiosqlite:///")):
        return None
    from sqlalchemy.exc import ArgumentError

    from adapters.sql.engine import async_url
    from adapters.sql.tls import split_tls

    try:
        parsed = async_url(url)
        if parsed.get_backend_name() != "sqlite":
            split_tls(parsed)
    except (ArgumentError, ValueError) as error:
        return str(error)
    return None
