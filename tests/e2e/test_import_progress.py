"""A large import in a real browser, applied by a real Celery worker: the
preview says it runs in the background, "Import" leads to the progress page,
which (polling with htmx, or "Check again" without JavaScript) ends with what
was imported and a link back to the list. Each state is axe-clean."""

import pytest
from playwright.sync_api import expect

from roadmap.models import Component, Initiative
from tests.e2e.conftest import assert_accessible, sign_in
from tests.helpers import url

pytestmark = [pytest.mark.browser, pytest.mark.worker, pytest.mark.django_db(transaction=True)]

ROWS = 40


@pytest.fixture
def component(roadmap):
    # A transactional test flushes the seeded components: make one when there is none.
    return roadmap.components.first() or Component.objects.create(
        roadmap=roadmap, name="Technology adoption"
    )


@pytest.fixture(autouse=True)
def small_threshold(settings):
    settings.IMPORT_IN_REQUEST_ROWS = 10  # the live server runs in this process


def upload_large_file(page, roadmap, component) -> None:
    lines = ["Title,Component,Start month,End month"]
    lines += [f"Initiative {n},{component.name},2026-04,2027-03" for n in range(ROWS)]
    page.goto(url("initiative-import", roadmap))
    page.get_by_label("File to upload", exact=True).set_input_files(
        {"name": "large.csv", "mimeType": "text/csv", "buffer": "\r\n".join(lines).encode()}
    )
    page.get_by_role("button", name="Upload and preview").click()
    expect(page.get_by_text("imported in the background")).to_be_visible()
    page.get_by_role("button", name=f"Import {ROWS} initiatives").click()
    expect(page.get_by_role("heading", name="Import of initiatives")).to_be_visible()


def test_a_large_import_is_applied_by_the_worker_with_progress(
    celery_worker_process, page, editor, roadmap, component
):
    sign_in(page, editor.username)
    upload_large_file(page, roadmap, component)
    assert_accessible(page, "the progress page")

    # htmx polls the status until the worker has finished: no reload needed.
    summary = f"Imported {ROWS} initiatives: {ROWS} added, 0 updated, 0 unchanged"
    expect(page.locator("#import-status")).to_contain_text(summary, timeout=120_000)
    assert_accessible(page, "the finished import")
    assert Initiative.objects.filter(title__startswith="Initiative ").count() == ROWS

    page.get_by_role("link", name="Go to the initiatives").click()
    expect(page.get_by_role("link", name="Initiative 39")).to_be_visible()


def test_without_javascript_check_again_shows_the_outcome(
    celery_worker_process, no_js_page, editor, roadmap, component
):
    page = no_js_page
    sign_in(page, editor.username)
    upload_large_file(page, roadmap, component)

    summary = f"Imported {ROWS} initiatives: {ROWS} added"
    for _ in range(240):
        if summary in page.content():
            break
        page.get_by_role("link", name="Check again").click()
        page.wait_for_timeout(500)
    expect(page.locator("#import-status")).to_contain_text(summary)
    expect(page.get_by_role("link", name="Go to the initiatives")).to_be_visible()
