"""The walking skeleton in a real browser: sign in, create a roadmap, add an
objective, export the PDF through a real Celery worker and download it.

Every page visited is checked with axe-core. The same flow is also run with
JavaScript turned off, and the roadmap's pages are watched for CSP violations.
"""

import io
import re
import time

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from reports.models import ReportJob
from tests.e2e.conftest import assert_accessible, sign_in
from tests.helpers import url

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PDF_TIMEOUT_MS = 90_000
TITLE = "Digital services roadmap 2027 to 2031"
OBJECTIVE = "Every licence can be applied for online"


def pdf_text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def test_lead_creates_a_roadmap_and_exports_it_as_pdf(page, lead, agency, celery_worker_process):
    page.goto("/accounts/login/")
    assert_accessible(page, "the sign-in page")

    sign_in(page, lead.username)
    assert page.get_by_role("heading", level=1).inner_text() == "Your agencies and roadmaps"
    assert_accessible(page, "the home page")

    page.get_by_role("link", name=agency.name).first.click()
    page.wait_for_url(f"**/agencies/{agency.slug}/")
    assert_accessible(page, "the agency page")

    page.get_by_role("link", name="Create a roadmap").click()
    page.wait_for_url("**/roadmaps/new/")
    assert_accessible(page, "the create form")

    # Bad input first: no title, a horizon that ends before it starts.
    page.get_by_label("First year of the roadmap").fill("2031")
    page.get_by_label("Last year of the roadmap").fill("2027")
    page.get_by_label("Vision statement").fill("Services so good that people prefer them.")
    page.get_by_role("button", name="Create roadmap").click()
    summary = page.get_by_role("alert").inner_text()
    assert re.match(r"There are \d problems", summary)
    assert "Title: Enter a title." in summary
    assert "The last year must be the same as or after the first year (2031)." in summary
    assert page.get_by_label("Vision statement").input_value().startswith("Services so good")
    assert_accessible(page, "the create form with errors")

    page.get_by_label("Title").fill(TITLE)
    page.get_by_label("First year of the roadmap").fill("2027")
    page.get_by_label("Last year of the roadmap").fill("2031")
    page.get_by_role("button", name="Create roadmap").click()
    page.wait_for_url("**/roadmaps/digital-services-roadmap-2027-to-2031/")
    assert page.get_by_role("heading", level=1).inner_text() == TITLE
    roadmap_url = page.url
    assert_accessible(page, "the new roadmap page")

    # The roadmap's navigation leads to its objectives; "Add an objective" opens the
    # inline form, which posts through htmx: the page is not reloaded.
    page.get_by_role("navigation", name=f"Sections of {TITLE}").get_by_role(
        "link", name="Objectives and KPIs"
    ).click()
    page.wait_for_url("**/objectives/")
    objectives_url = page.url
    objectives = page.locator("#objectives")
    objectives.get_by_role("link", name="Add an objective").click()
    expect(objectives.get_by_role("heading", name="Add an objective")).to_be_focused()
    assert page.url == objectives_url
    objectives.get_by_role("button", name="Add objective").click()
    expect_text(objectives.get_by_role("alert"), "There is 1 problem")
    assert page.evaluate("document.activeElement.matches('#objectives .error-summary')")
    objectives.get_by_label("Title").fill(OBJECTIVE)
    objectives.get_by_label("Description").fill("No paper forms by 2029.")
    objectives.get_by_role("button", name="Add objective").click()
    page.locator(".objective__title", has_text=OBJECTIVE).wait_for()
    assert page.url == objectives_url
    expect(objectives.get_by_label("Title")).to_have_count(0)  # the form has closed...
    expect(objectives.get_by_role("link", name="Add an objective")).to_be_visible()  # ...for now
    expect(objectives.get_by_role("link", name=OBJECTIVE, exact=True)).to_be_focused()  # not lost
    expect(page.locator("#notifications")).to_contain_text(f"Objective added: {OBJECTIVE}")
    assert_accessible(page, "the objectives page with an objective")
    page.goto(roadmap_url)

    # Export: the status fragment polls until the download link appears.
    page.get_by_role("button", name="Export PDF").click()
    status = page.locator("#export-status .job-status")  # inside a live region
    status.wait_for()
    assert re.search(r"Waiting to start|Producing your PDF|Your PDF is ready", status.inner_text())
    assert not status.get_by_role("link", name="Check again").is_visible()  # JS polls instead
    download_link = status.get_by_role("link", name=re.compile("^Download the PDF"))
    download_link.wait_for(timeout=PDF_TIMEOUT_MS)
    assert page.url == roadmap_url
    assert_accessible(page, "the roadmap page with a ready export")

    with page.expect_download() as download_info:
        download_link.click()
    download = download_info.value
    assert download.suggested_filename.endswith(".pdf")
    data = open(download.path(), "rb").read()  # noqa: SIM115 - a temporary file Playwright owns
    assert data.startswith(b"%PDF")
    assert TITLE in pdf_text(data)
    assert OBJECTIVE in pdf_text(data)

    page.get_by_role("link", name="Previous exports").click()
    page.wait_for_url("**/exports/")
    assert page.get_by_role("cell", name="Ready").is_visible()
    assert_accessible(page, "the exports page")

    page.locator("table a").first.click()
    page.wait_for_url(re.compile(r"/reports/[0-9a-f-]{36}/$"))
    assert page.get_by_role("link", name=re.compile("^Download the PDF")).is_visible()
    assert_accessible(page, "the job page")

    # Members is in the navigation for agency admins only; every member may read it.
    page.goto(f"/agencies/{agency.slug}/members/")
    assert page.get_by_role("cell", name=lead.username).is_visible()
    assert_accessible(page, "the members page")


def test_agency_admin_pages_are_accessible(page, admin_user, viewer, agency):
    sign_in(page, admin_user.username)
    page.goto(f"/agencies/{agency.slug}/members/")
    page.get_by_role("button", name="Send invitation").click()
    expect_text(page.get_by_role("alert"), "There is 1 problem")
    assert_accessible(page, "the members page with an error, as agency admin")

    page.get_by_role("link", name=f"Remove {viewer.username}").click()
    page.wait_for_url("**/remove/")
    assert_accessible(page, "the remove-member page")


def test_the_flow_works_without_javascript(
    no_js_page, lead, agency, roadmap, celery_worker_process
):
    page = no_js_page
    sign_in(page, lead.username)
    page.goto(url("objectives", roadmap))

    # "Add an objective" falls back to the form's own page, which posts plainly:
    # errors on that page...
    objectives = page.locator("#objectives")
    objectives.get_by_role("link", name="Add an objective").click()
    page.wait_for_url("**/objectives/new/")
    page.get_by_role("button", name="Add objective").click()
    page.wait_for_url("**/objectives/new/")
    assert "There is 1 problem" in page.get_by_role("alert").inner_text()
    assert (
        page.get_by_label("Title").get_attribute("aria-describedby")
        == "id_title_hint id_title_error"
    )

    # ...and success redirects back to the objectives.
    page.get_by_label("Title").fill(OBJECTIVE)
    page.get_by_role("button", name="Add objective").click()
    page.wait_for_url(re.compile(re.escape(url("objectives", roadmap)) + "#objectives$"))
    assert page.locator(".objective__title", has_text=OBJECTIVE).is_visible()

    # Export (from the overview) redirects to the job page, which is refreshed by hand.
    page.goto(roadmap.get_absolute_url())
    page.get_by_role("button", name="Export PDF").click()
    page.wait_for_url(re.compile(r"/reports/[0-9a-f-]{36}/$"))
    job_url = page.url
    deadline = time.monotonic() + PDF_TIMEOUT_MS / 1000
    download_link = page.get_by_role("link", name=re.compile("^Download the PDF"))
    while not download_link.is_visible():
        assert time.monotonic() < deadline, "The PDF was not ready in time."
        page.get_by_role("link", name="Check again").click()
        page.wait_for_url(job_url)
        time.sleep(0.3)
    with page.expect_download() as download_info:
        download_link.click()
    data = open(download_info.value.path(), "rb").read()  # noqa: SIM115
    assert data.startswith(b"%PDF")
    assert roadmap.title in pdf_text(data)


def test_a_queued_job_offers_check_again_without_javascript(
    no_js_page, scriptless_page, lead, agency, roadmap
):
    job = ReportJob.objects.create(roadmap=roadmap, requested_by=lead)  # never sent to a worker
    sign_in(no_js_page, lead.username)
    no_js_page.goto(job.get_absolute_url())
    assert "Waiting to start" in no_js_page.locator(".job-status").inner_text()
    check_again = no_js_page.get_by_role("link", name="Check again")
    assert check_again.is_visible()
    assert check_again.get_attribute("href") == job.get_absolute_url()

    # The pages seen without JavaScript pass axe-core too.
    sign_in(scriptless_page, lead.username)
    scriptless_page.goto(job.get_absolute_url())
    assert scriptless_page.get_by_role("link", name="Check again").is_visible()
    assert_accessible(scriptless_page, "the queued job page, without JavaScript")
    scriptless_page.goto(url("objectives", roadmap))
    scriptless_page.locator("#objectives").get_by_role("link", name="Add an objective").click()
    scriptless_page.wait_for_url("**/objectives/new/")
    scriptless_page.get_by_role("button", name="Add objective").click()
    scriptless_page.wait_for_url("**/objectives/new/")
    assert "There is 1 problem" in scriptless_page.get_by_role("alert").inner_text()
    assert_accessible(scriptless_page, "the objective form with errors, without JavaScript")


def test_no_content_security_policy_violations_on_the_roadmap_pages(page, lead, roadmap):
    violations = []

    def on_console(message):
        if message.type == "error" and "Content Security Policy" in message.text:
            violations.append(message.text)

    page.on("console", on_console)
    page.on("pageerror", lambda error: violations.append(f"page error: {error}"))
    sign_in(page, lead.username)
    for address in (roadmap.get_absolute_url(), url("vision", roadmap), url("kpis", roadmap)):
        response = page.goto(address)
        assert "script-src 'self'" in response.headers["content-security-policy"]
        page.wait_for_load_state("networkidle")
    response = page.goto(url("objectives", roadmap))
    assert "script-src 'self'" in response.headers["content-security-policy"]
    page.wait_for_load_state("networkidle")

    # htmx swaps too: htmx must not need eval or inline styles/scripts.
    objectives = page.locator("#objectives")
    objectives.get_by_role("link", name="Add an objective").click()
    objectives.get_by_label("Title").fill(OBJECTIVE)
    objectives.get_by_role("button", name="Add objective").click()
    page.locator(".objective__title", has_text=OBJECTIVE).wait_for()
    page.wait_for_load_state("networkidle")

    assert page.evaluate("() => typeof window.htmx") == "object", "htmx did not load"
    assert violations == []


def expect_text(locator, text: str) -> None:
    """Wait for the locator and check it contains `text`."""
    locator.wait_for()
    assert text in locator.inner_text()
