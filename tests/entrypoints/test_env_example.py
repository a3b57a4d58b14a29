"""`.env.example` is the list of every setting: it names each one the service reads and
nothing else, and its values load as settings."""

from pathlib import Path

from dotenv import dotenv_values

from entrypoints.config import Settings, load_settings

EXAMPLE = Path(__file__).parents[2] / ".env.example"


def test_the_example_names_every_setting_and_only_settings() -> None:
    named = set(dotenv_values(EXAMPLE))
    assert named == {field.upper() for field in Settings.__struct_fields__}


def test_the_examples_values_load() -> None:
    values = {name: value for name, value in dotenv_values(EXAMPLE).items() if value}
    assert load_settings(values).environment.value == "development"
