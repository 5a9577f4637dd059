"""Production settings: `check --deploy` is clean, and they refuse to start without a
key or with a yes/no variable they cannot read."""

import os
import secrets
import subprocess
import sys

import pytest
from django.core.exceptions import ImproperlyConfigured

from config.settings import env_bool

from .conftest import ROOT

PRODUCTION_HOST = "roadmap.example.gov"


def manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    """Run manage.py in a fresh process with only the settings we choose."""
    environment = {
        name: value
        for name, value in os.environ.items()
        if name not in {"DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "DJANGO_SETTINGS_MODULE"}
        and not name.startswith("SECURE_")
    }
    environment.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_has_no_warnings_with_production_settings():
    done = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DEBUG="0",
        SECRET_KEY=secrets.token_urlsafe(64),
        ALLOWED_HOSTS=PRODUCTION_HOST,
    )

    output = done.stdout + done.stderr
    assert done.returncode == 0, output
    assert "System check identified no issues" in output
    assert "WARNINGS" not in output


def test_check_deploy_does_warn_about_a_weak_secret_key():
    """The check above can fail: the same command flags a poor production setting."""
    done = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DEBUG="0",
        SECRET_KEY="change-me",
        ALLOWED_HOSTS=PRODUCTION_HOST,
    )

    assert done.returncode != 0
    assert "security.W009" in done.stdout + done.stderr


def test_settings_refuse_to_load_without_a_secret_key_when_debug_is_off():
    done = manage("check", DEBUG="0", ALLOWED_HOSTS=PRODUCTION_HOST)

    assert done.returncode != 0
    assert "SECRET_KEY" in done.stderr
    assert "ImproperlyConfigured" in done.stderr


def test_settings_refuse_an_empty_secret_key_when_debug_is_off():
    done = manage("check", DEBUG="0", SECRET_KEY="", ALLOWED_HOSTS=PRODUCTION_HOST)

    assert done.returncode != 0
    assert "SECRET_KEY" in done.stderr


# Yes/no variables ----------------------------------------------------------------

FLAG = "ROADMAP_TEST_FLAG"  # a name no setting reads
ACCEPTED = "1/0, true/false, yes/no, on/off"


@pytest.mark.parametrize(
    "value, expected",
    [
        ("1", True),
        ("true", True),
        ("True", True),
        ("YES", True),
        ("on", True),
        (" on ", True),
        ("0", False),
        ("false", False),
        ("FALSE", False),
        ("No", False),
        ("off", False),
    ],
)
def test_a_yes_no_variable_reads_the_accepted_words_in_any_case(monkeypatch, value, expected):
    monkeypatch.setenv(FLAG, value)

    assert env_bool(FLAG, default=not expected) is expected


@pytest.mark.parametrize("default", [True, False])
def test_an_unset_or_empty_yes_no_variable_is_its_default(monkeypatch, default):
    monkeypatch.delenv(FLAG, raising=False)
    assert env_bool(FLAG, default) is default

    monkeypatch.setenv(FLAG, "")
    assert env_bool(FLAG, default) is default


@pytest.mark.parametrize("value", ["ture", "flase", "2", "y", "enabled", "   ", "1 0"])
def test_any_other_value_is_refused_naming_the_variable_value_and_accepted_words(
    monkeypatch, value
):
    monkeypatch.setenv(FLAG, value)

    with pytest.raises(ImproperlyConfigured) as refused:
        env_bool(FLAG, default=True)

    message = str(refused.value)
    assert f"{FLAG}={value!r}" in message
    assert ACCEPTED in message


def test_settings_refuse_to_load_with_a_misspelt_debug():
    done = manage("check", DEBUG="ture")

    assert done.returncode != 0
    assert "ImproperlyConfigured" in done.stderr
    assert "DEBUG='ture'" in done.stderr
    assert ACCEPTED in done.stderr


def test_settings_refuse_a_misspelt_production_switch():
    done = manage(
        "check",
        DEBUG="0",
        SECRET_KEY=secrets.token_urlsafe(64),
        ALLOWED_HOSTS=PRODUCTION_HOST,
        SECURE_SSL_REDIRECT="flase",
    )

    assert done.returncode != 0
    assert "SECURE_SSL_REDIRECT='flase'" in done.stderr
    assert ACCEPTED in done.stderr


def debug_setting(**env: str) -> str:
    done = manage("shell", "-c", "from django.conf import settings; print(settings.DEBUG)", **env)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip().splitlines()[-1]


def test_debug_is_off_unless_set():
    """A deployment that forgets DEBUG must not show URL patterns on a 404 (finding 7)."""
    production = {"SECRET_KEY": secrets.token_urlsafe(64), "ALLOWED_HOSTS": PRODUCTION_HOST}

    assert debug_setting(**production) == "False"
    assert debug_setting(DEBUG="", **production) == "False"
    assert debug_setting(DEBUG="1") == "True"
    assert debug_setting(DEBUG="Off", **production) == "False"


def test_an_unset_debug_is_production_so_it_needs_a_secret_key():
    done = manage("check", ALLOWED_HOSTS=PRODUCTION_HOST)

    assert done.returncode != 0
    assert "SECRET_KEY must be set" in done.stderr


def test_the_development_targets_turn_debug_on_explicitly():
    """`make run` and the tests set DEBUG themselves, since the default is off."""
    makefile = (ROOT / "Makefile").read_text()
    assert "run worker bench: export DEBUG ?= 1" in makefile
    assert os.environ.get("DEBUG") == "1", "pytest-env sets DEBUG=1 for the test run"
