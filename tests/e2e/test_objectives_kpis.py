"""Issue 3 in a real browser: an editor adds an objective, a KPI and two
measurements inline (htmx) and watches the KPI's status change; axe-core runs
on every page and state visited."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from roadmap.models import KPI, Measurement, Objective
from tests.e2e.conftest import assert_accessible, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

OBJECTIVE = "Decide licence applications faster"
KPI_NAME = "Applications decided within 10 days"


def test_editor_adds_objective_kpi_and_measurements_and_sees_the_status(page, editor, roadmap):
    today = timezone.localdate()
    sign_in(page, editor.username)
    page.goto(roadmap.get_absolute_url())
    assert_accessible(page, "the roadmap page")

    # An objective, added inline.
    objectives = page.locator("#objectives")
    objectives.get_by_label("Title").fill(OBJECTIVE)
    objectives.get_by_role("button", name="Add objective").click()
    objective_link = page.get_by_role("link", name=OBJECTIVE, exact=True)
    objective_link.wait_for()
    assert page.url.endswith(roadmap.get_absolute_url())  # no page load: htmx swapped it in

    objective_link.click()
    page.wait_for_url("**/objectives/*/")
    assert page.get_by_role("heading", level=1).inner_text() == OBJECTIVE
    assert_accessible(page, "the objective page")
    objective_url = page.url

    # A KPI, added inline: first with bad input, then right.
    page.get_by_role("link", name="Add a KPI").click()
    kpis = page.locator("#kpis")
    kpis.get_by_role("heading", name="Add a KPI").wait_for()
    kpis.get_by_label("Name").fill(KPI_NAME)
    kpis.get_by_label("Unit").fill("%")
    kpis.get_by_label("Baseline value").fill("forty")
    kpis.get_by_label("Baseline date").fill(str(today - timedelta(days=300)))
    kpis.get_by_label("Target value").fill("90")
    kpis.get_by_label("Target date").fill(str(today - timedelta(days=400)))
    kpis.get_by_role("button", name="Add KPI").click()
    summary = kpis.locator(".error-summary")
    summary.wait_for()
    expect(summary).to_contain_text("Enter the baseline value as a number")
    expect(summary).to_contain_text("The target date must be after the baseline date")
    assert kpis.get_by_label("Name").input_value() == KPI_NAME  # nothing typed is lost
    assert page.url == objective_url
    assert_accessible(page, "the objective page with KPI errors")
    assert not KPI.objects.exists()

    kpis.get_by_label("Baseline value").fill("40")
    kpis.get_by_label("Target date").fill(str(today + timedelta(days=300)))
    kpis.get_by_role("button", name="Add KPI").click()
    kpi_link = page.get_by_role("link", name=KPI_NAME, exact=True)
    kpi_link.wait_for()
    expect(page.locator("#kpis")).to_contain_text("No data")
    assert_accessible(page, "the objective page with a KPI")

    # Its page: no data yet, then two measurements added inline.
    kpi_link.click()
    page.wait_for_url("**/kpis/*/")
    status = page.locator(".kpi-status-line")
    expect(status).to_contain_text("No data")
    assert_accessible(page, "the KPI page")

    measurements = page.locator("#measurements")
    measurements.get_by_label("Value (%)").fill("66")
    measurements.get_by_label("Date").fill(str(today - timedelta(days=2)))
    measurements.get_by_role("button", name="Add measurement").click()
    expect(status).to_contain_text("On track")  # halfway in time, 26/50 of the change
    expect(page.locator("#announcer")).to_contain_text("Measurement added")

    measurements.get_by_label("Value (%)").fill("45")
    measurements.get_by_label("Date").fill(str(today - timedelta(days=1)))
    measurements.get_by_role("button", name="Add measurement").click()
    expect(status).to_contain_text("Off track")  # 5/50 of the change: far behind the line
    expect(page.locator(".measurement-table tbody tr")).to_have_count(2)
    assert_accessible(page, "the KPI page with measurements")

    kpi = KPI.objects.get(name=KPI_NAME)
    assert kpi.objective == Objective.objects.get(roadmap=roadmap, title=OBJECTIVE)
    assert list(Measurement.objects.filter(kpi=kpi).values_list("entered_by", flat=True)) == [
        editor.pk,
        editor.pk,
    ]
    assert kpi.assess().status == "off_track"

    # The roadmap page's summary says so too.
    page.goto(roadmap.get_absolute_url())
    expect(page.locator("#objectives")).to_contain_text("off track", ignore_case=True)


def test_goals_page_passes_axe(page, editor, roadmap):
    sign_in(page, editor.username)
    page.goto(roadmap.get_absolute_url())
    page.get_by_role("link", name="Your agency's goals").click()
    page.wait_for_url("**/goals/")
    assert_accessible(page, "the goals page")
