"""A KPI as a published roadmap states it, in a real browser (issue 12): an
editor enters "at least 190 services by 2030" with a baseline not yet known,
then a measurement of "more than 100", and sees a truthful status: No baseline,
the qualifier kept, no invented day. axe-core runs on each state."""

import re

import pytest
from playwright.sync_api import expect

from roadmap.models import KPI
from tests.e2e.conftest import assert_accessible, sign_in
from tests.roadmap.kpi_factories import days_ago, objective_url

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_editor_enters_an_unknown_baseline_and_a_more_than_measurement(page, editor, roadmap):
    objective = roadmap.objectives.get()
    sign_in(page, editor.username)
    page.goto(objective_url("objective-detail", objective))
    page.get_by_role("link", name="Add a KPI").click()
    form = page.locator("form.kpi-inline-form")
    expect(form).to_be_visible()

    form.get_by_label("Name").fill("Services that meet the accessibility standard")
    form.get_by_label("Unit").fill("services")
    form.get_by_label("Count of whole things (people, services, cases)").check()
    form.get_by_label("The baseline is not yet known").check()
    form.get_by_label("When will the baseline be known?").fill("after the first audit")
    form.get_by_label("The target value is").select_option("at_least")
    form.locator("[name=target_value]").fill("190")
    form.locator("[name=target_precision][value=year]").check()
    form.locator("[name=target_date_year]").fill("2035")  # outside the horizon
    form.get_by_role("button", name="Add KPI").click()

    form = page.locator("form.kpi-inline-form")
    expect(form.locator(".error-summary")).to_contain_text("outside the roadmap's horizon")
    expect(form.locator("[name=target_value]")).to_have_value("190")  # kept
    assert_accessible(page, "the KPI form refusing a year outside the horizon")
    form.locator("[name=target_date_year]").fill("2030")
    form.get_by_role("button", name="Add KPI").click()
    expect(page.locator("#notifications")).to_contain_text("KPI added")

    kpi = KPI.objects.get(name="Services that meet the accessibility standard")
    page.goto(kpi.get_absolute_url())
    expect(page.locator("aside")).to_contain_text("Not yet known (after the first audit)")
    expect(page.locator("aside")).to_contain_text("at least 190 services by 2030")

    add = page.locator("#measurements form")
    add.get_by_label("The value is").select_option("more_than")
    add.get_by_label("Value (services)").fill("100")
    day = days_ago(3)
    add.locator("[name=date_day]").fill(str(day.day))
    add.locator("[name=date_month]").fill(str(day.month))
    add.locator("[name=date_year]").fill(str(day.year))
    add.get_by_label("Source").fill("Audit register, first round")
    add.get_by_role("button", name="Add measurement").click()

    status = page.locator("section[aria-labelledby=status-heading]")
    expect(status).to_contain_text("No baseline")
    expect(status).to_contain_text("More than 100 services on")
    expect(status).to_contain_text("The baseline is not yet known")
    expect(page.locator(".measurement-table")).to_contain_text("more than 100 services")
    expect(page.locator(".measurement-table")).to_contain_text("Audit register, first round")
    assert not re.search(r"\d{1,2} [A-Z][a-z]+ 2030", status.inner_text())
    assert_accessible(page, "the KPI page with an unknown baseline and a qualified measurement")
