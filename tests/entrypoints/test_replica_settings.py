"""DATABASE_REPLICA_URL and REPLICA_MAX_LAG_S: read from the environment, checked at start,
PostgreSQL's only."""

import pytest

from entrypoints.config import ConfigError, load_settings

PG = "postgresql://tesigo@db.internal:5432/tesigo"
REPLICA = "postgresql://tesigo@replica.internal:5432/tesigo"


def test_no_replica_by_default() -> None:
    settings = load_settings({})
    assert (settings.database_replica_url, settings.replica_max_lag_s) == (None, 5.0)


def test_the_replica_and_its_lag_come_from_the_environment() -> None:
    settings = load_settings({"DATABASE_URL": PG, "DATABASE_REPLICA_URL": REPLICA,
                              "REPLICA_MAX_LAG_S": "1.5"})
    assert (settings.database_replica_url, settings.replica_max_lag_s) == (REPLICA, 1.5)


@pytest.mark.parametrize(("primary", "replica"), [
    ("sqlite:///var/tesigo.db", REPLICA),
    (PG, "sqlite:///var/replica.db"),
    ("sqlite:///var/tesigo.db", "sqlite:///var/replica.db"),
])
def test_sqlite_on_either_side_is_refused(primary: str, replica: str) -> None:
    with pytest.raises(ConfigError, match="DATABASE_REPLICA_URL: read replicas are for "
                                          "PostgreSQL only"):
        load_settings({"DATABASE_URL": primary, "DATABASE_REPLICA_URL": replica})


@pytest.mark.parametrize(("env", "named"), [
    ({"DATABASE_REPLICA_URL": "mysql://replica/tesigo"}, "DATABASE_REPLICA_URL"),
    ({"DATABASE_REPLICA_URL": REPLICA + "?sslmode=sometimes"}, "DATABASE_REPLICA_URL"),
    ({"REPLICA_MAX_LAG_S": "0"}, "replica_max_lag_s"),
    ({"REPLICA_MAX_LAG_S": "soon"}, "replica_max_lag_s"),
])
def test_a_bad_replica_setting_is_refused_by_name(env: dict[str, str], named: str) -> None:
    with pytest.raises(ConfigError, match=named):
        load_settings({"DATABASE_URL": PG, **env})

