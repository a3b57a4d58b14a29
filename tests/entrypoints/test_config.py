import pytest

from entrypoints.billing_config import credit_packs
from entrypoints.config import ConfigError, Environment, load_settings

PROD = {"ENVIRONMENT": "production", "SECRET_KEY": "s" * 40, "SMTP_HOST": "smtp.example.com",
        "ALLOWED_HOSTS": "tesigo.example.com"}


def test_no_configuration_is_the_embedded_default() -> None:
    settings = load_settings({})
    assert settings.environment is Environment.DEVELOPMENT
    assert settings.database_url.startswith("sqlite:///var/")
    assert settings.development_mailer and not settings.json_logs


def test_production_starts_with_sane_settings_and_logs_json() -> None:
    settings = load_settings(PROD)
    assert settings.is_production and settings.json_logs


@pytest.mark.parametrize(("change", "named"), [
    ({"SECRET_KEY": "short"}, "SECRET_KEY"),
    ({"SECRET_KEY": ""}, "SECRET_KEY"),
    ({"SMTP_HOST": ""}, "SMTP_HOST"),
    ({"DEBUG": "true"}, "DEBUG"),
    ({"ALLOWED_HOSTS": "*"}, "ALLOWED_HOSTS"),
    ({"ALLOWED_HOSTS": ""}, "ALLOWED_HOSTS"),
    ({"ALLOWED_HOSTS": "tesigo.example.com,*"}, "ALLOWED_HOSTS"),
    ({"CORS_ORIGINS": "*"}, "CORS_ORIGINS"),
    ({"CORS_ORIGINS": "https://app.example.com, *"}, "CORS_ORIGINS"),
])
def test_production_refuses_unsafe_settings(change: dict[str, str], named: str) -> None:
    with pytest.raises(ConfigError, match=named):
        load_settings({**PROD, **change})


@pytest.mark.parametrize(("env", "named"), [({"RATE_LIMIT_API": "10/fortnight"}, "RATE_LIMIT_API"),
                                            ({"SMTP_PORT": "port"}, "smtp_port"),
                                            ({"LOG_FORMAT": "xml"}, "LOG_FORMAT"),
                                            ({"TRUSTED_PROXIES": "10.0.0.0/33"},
                                             "TRUSTED_PROXIES"),
                                            ({"METRICS_ALLOWED": "localhost"},
                                             "METRICS_ALLOWED")])
def test_bad_values_are_refused_by_name(env: dict[str, str], named: str) -> None:
    with pytest.raises(ConfigError, match=named):
        load_settings(env)


def test_lists_are_comma_separated_and_admin_emails_lower_cased() -> None:
    settings = load_settings({"ADMIN_EMAILS": "Boss@Example.com, two@example.com",
                              "CORS_ORIGINS": "https://a.test,https://b.test"})
    assert settings.admin_emails == ["boss@example.com", "two@example.com"]
    assert settings.cors_origins == ["https://a.test", "https://b.test"]


def test_secrets_do_not_show_in_the_repr() -> None:
    settings = load_settings({**PROD, "SMTP_PASSWORD": "hunter2-password"})
    assert "s" * 40 not in repr(settings) and "hunter2" not in repr(settings)


def test_dotenv_file_is_read_and_the_environment_wins(tmp_path, monkeypatch) -> None:
    env_file = tmp_path / ".env"
    env_file.write_text("APP_URL=https://from-file.test\nLOG_LEVEL=DEBUG\n")
    monkeypatch.setenv("LOG_LEVEL", "WARNING")
    settings = load_settings(env_file=env_file)
    assert settings.app_url == "https://from-file.test"
    assert settings.log_level == "WARNING"


def test_credit_packs_default_to_three_and_come_from_json() -> None:
    assert [pack.id for pack in credit_packs(load_settings({}).credit_packs)] == [
        "starter", "thesis", "pro"]
    raw = '[{"id": "mini", "name": "Mini", "credits": 1000, "amount": 99, "currency": "USD"}]'
    [pack] = credit_packs(load_settings({"CREDIT_PACKS": raw}).credit_packs)
    assert (pack.id, pack.credits, pack.price.amount, pack.price.currency) == (
        "mini", 1000, 99, "usd")


@pytest.mark.parametrize("raw", [
    "not json", "[]", '[{"id": "a", "name": "A", "credits": 0, "amount": 1, "currency": "eur"}]',
    '[{"id": "a", "name": "A", "credits": 1, "amount": 1, "currency": "euro"}]',
    '[{"id": "a", "name": "A", "credits": 1, "amount": 1, "currency": "eur", "x": 1}]',
    '[{"id": "a", "name": "A", "credits": 1, "amount": 1, "currency": "eur"},'
    ' {"id": "a", "name": "B", "credits": 2, "amount": 2, "currency": "eur"}]',
])
def test_bad_credit_packs_are_refused_by_name(raw: str) -> None:
    with pytest.raises(ConfigError, match="CREDIT_PACKS"):
        load_settings({"CREDIT_PACKS": raw})


def test_payments_are_on_with_a_stripe_key_and_its_secrets_stay_hidden() -> None:
    settings = load_settings({"STRIPE_SECRET_KEY": "sk_live_abc",
                              "STRIPE_WEBHOOK_SECRET": "whsec_old, whsec_new"})
    assert settings.payments_enabled and not load_settings({}).payments_enabled
    assert settings.stripe_webhook_secret == ["whsec_old", "whsec_new"]
    assert "sk_live_abc" not in repr(settings) and "whsec_old" not in repr(settings)
