"""Production settings: `check --deploy` is clean, and they refuse to start without a key."""

import os
import secrets
import subprocess
import sys

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
