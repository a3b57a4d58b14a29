"""OIDC_* settings: all three or none, and the client secret never shown."""

import pytest

from entrypoints.config import ConfigError, load_settings

OIDC = {"OIDC_ISSUER": "https://accounts.google.com", "OIDC_CLIENT_ID": "id.apps",
        "OIDC_CLIENT_SECRET": "very-secret-value"}


def test_the_feature_is_off_unless_all_three_are_set() -> None:
    assert not load_settings({}).oidc_enabled
    settings = load_settings(OIDC)
    assert settings.oidc_enabled and settings.oidc_name == "Google"
    assert load_settings({**OIDC, "OIDC_NAME": "Keycloak"}).oidc_name == "Keycloak"


@pytest.mark.parametrize("missing", list(OIDC))
def test_a_partial_configuration_is_refused(missing: str) -> None:
    with pytest.raises(ConfigError, match="OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET"):
        load_settings({k: v for k, v in OIDC.items() if k != missing})


def test_the_client_secret_is_not_shown() -> None:
    assert "very-secret-value" not in repr(load_settings(OIDC))
