"""The web process never loads WeasyPrint: only the Celery worker renders PDFs.

Each check runs in a fresh interpreter, because this test run has long since
imported WeasyPrint for the rendering tests and would mask the import.
"""

import json
import os
import subprocess
import sys
import textwrap

import pytest

from .conftest import ROOT

SETUP = """
import json, sys
import django
django.setup()
"""

# The worker side and the PDF code; the web process must load none of them.
WORKER_ONLY = [
    "weasyprint",
    "reports.tasks",
    "reports.services.rendering",
    "reports.pdf",
    "reports.fetcher",
]


def loaded_after(code: str) -> list[str]:
    """Which WORKER_ONLY modules are in sys.modules after running `code`."""
    report = f"print(json.dumps([m for m in {WORKER_ONLY!r} if m in sys.modules]))"
    script = "\n".join([SETUP, textwrap.dedent(code), report])
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings"}
    done = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_loading_the_url_configuration_does_not_load_weasyprint():
    loaded = loaded_after(
        """
        import config.urls
        from django.urls import get_resolver
        get_resolver().url_patterns
        """
    )

    assert loaded == []


def test_the_wsgi_application_does_not_load_weasyprint():
    loaded = loaded_after(
        """
        from config.wsgi import application
        import config.urls
        from django.urls import get_resolver
        get_resolver().url_patterns
        """
    )

    assert loaded == []


def test_the_report_html_is_assembled_without_weasyprint():
    assert loaded_after("import reports.assembly") == []


@pytest.mark.parametrize("module", ["reports.tasks", "reports.services.rendering"])
def test_the_worker_side_does_load_weasyprint(module):
    """The checks above can fail: the worker's modules do bring WeasyPrint in."""
    assert "weasyprint" in loaded_after(f"import {module}")
