from tests.e2e.conftest import own_database  # noqa: F401  (a database of its own per test)
