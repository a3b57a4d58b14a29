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



def databases_problem(primary: str, replica: str | None) -> str | None:
    """What is wrong with DATABASE_URL, or with DATABASE_REPLICA_URL beside it (a replica is
    PostgreSQL's, beside a PostgreSQL primary), naming the setting; None when both can run."""
    if problem := database_url_problem(primary):
        return f"DATABASE_URL: {problem}"
    if replica is None:
        return None
    if primary.startswith("sqlite") or replica.startswith("sqlite"):
        return ("DATABASE_REPLICA_URL: read replicas are for PostgreSQL only; DATABASE_URL "
                "and DATABASE_REPLICA_URL must both be postgresql://…")
    if problem := database_url_problem(replica):
        return f"DATABASE_REPLICA_URL: {problem}"
    return None
