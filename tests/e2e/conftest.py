"""Browser tests: the system Chromium driven by Playwright, checked with axe-core.

Chromium is found at $CHROMIUM_PATH or /usr/bin/chromium. Without it these tests
are skipped with a note on how to install it, except under CI=true, where a
missing browser fails the run. Playwright's own browser downloads are never
used (`playwright install` is not needed).

Playwright's sync API keeps an asyncio event loop running in the main thread,
which makes Django refuse ORM calls from it (SynchronousOnlyOperation). The
`browser` fixture sets DJANGO_ALLOW_ASYNC_UNSAFE while Playwright runs, and the
browser tests are moved to the end of the session so that no other test runs
with that check turned off.
"""

import os
import re
import weakref
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import TEST_PASSWORD

IN_CI = os.environ.get("CI", "").lower() == "true"
E2E_DIR = Path(__file__).resolve().parent
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# Generous for a slow CI machine, short enough that a hang is reported quickly.
TIMEOUT_MS = 15_000
SERIOUS_IMPACTS = ("serious", "critical")
_NO_JS_PAGES = weakref.WeakSet()


def chromium_path() -> Path:
    return Path(os.environ.get("CHROMIUM_PATH") or "/usr/bin/chromium")


def pytest_collection_modifyitems(session, config, items):
    """Run the browser tests last, and mark them `browser`."""
    browser_tests = [item for item in items if E2E_DIR in Path(item.path).parents]
    for item in browser_tests:
        item.add_marker(pytest.mark.browser)
    others = [item for item in items if item not in browser_tests]
    items[:] = others + browser_tests


@pytest.fixture(scope="session")
def browser():
    path = chromium_path()
    if not path.exists():
        message = (
            f"Chromium is not installed at {path}. Install it with "
            "`apt-get install -y chromium` (or set CHROMIUM_PATH to a Chromium binary)."
        )
        if IN_CI:
            pytest.fail(f"CI=true and the browser tests cannot run: {message}", pytrace=False)
        pytest.skip(message)

    from playwright.sync_api import sync_playwright

    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(path), args=CHROMIUM_ARGS)
            yield browser
            browser.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


def _new_page(browser, live_server, **context_options):
    context = browser.new_context(
        base_url=live_server.url,
        accept_downloads=True,
        viewport={"width": 1280, "height": 900},
        locale="en-GB",
        **context_options,
    )
    context.set_default_timeout(TIMEOUT_MS)
    return context, context.new_page()


@pytest.fixture
def page(browser, live_server) -> Iterator:
    context, page = _new_page(browser, live_server)
    yield page
    context.close()


@pytest.fixture
def no_js_page(browser, live_server) -> Iterator:
    """A browser with JavaScript turned off, as some users and proxies have it."""
    context, page = _new_page(browser, live_server, java_script_enabled=False)
    _NO_JS_PAGES.add(page)
    yield page
    context.close()


@pytest.fixture
def scriptless_page(browser, live_server) -> Iterator:
    """JavaScript on, but the app's scripts are not loaded: the page looks as it does
    without JavaScript, and axe-core (run by Playwright, not the page) can still check it."""
    context, page = _new_page(browser, live_server)
    context.route(re.compile(r"\.js(\?.*)?$"), lambda route: route.abort())
    yield page
    context.close()


# Helpers --------------------------------------------------------------------


def sign_in(page, username: str, password: str = TEST_PASSWORD) -> None:
    """Sign in through the login form and land on the home page."""
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(lambda url: "/accounts/login/" not in url)


def _axe():
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


def assert_accessible(page, label: str = "") -> None:
    """Run axe-core on the current page; fail on any serious or critical violation."""
    if page in _NO_JS_PAGES:  # axe-core is JavaScript: it would wait for ever
        raise ValueError("axe-core cannot run with JavaScript off; use `scriptless_page`.")
    results = _axe().run(page)
    serious = [v for v in results.response["violations"] if v["impact"] in SERIOUS_IMPACTS]
    if serious:
        where = f"{label} ({page.url})" if label else page.url
        lines = [f"axe-core found {len(serious)} serious or critical problem(s) on {where}:"]
        for violation in serious:
            lines.append(
                f"- {violation['id']} ({violation['impact']}): {violation['help']} "
                f"[{violation['helpUrl']}]"
            )
            for node in violation["nodes"][:5]:
                lines.append(f"    at {', '.join(map(str, node['target']))}: {node['html'][:160]}")
        pytest.fail("\n".join(lines), pytrace=False)
