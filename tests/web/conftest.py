from tests.http.conftest import api, client, fakes, settings  # noqa: F401  (the same app)
