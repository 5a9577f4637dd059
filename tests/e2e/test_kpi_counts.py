"""A KPI that counts whole things, in a real browser: an editor makes a KPI a
count in its inline form, a fraction is refused beside its field, and the KPI's
page and chart read in whole services; axe-core runs on each state."""

import re
from decimal import Decimal

import pytest
from playwright.sync_api import expect

from roadmap.models import KPIUnitKind
from tests.e2e.conftest import assert_accessible, sign_in
from tests.roadmap.kpi_factories import days_ago, kpi_url, make_kpi, measure, objective_url

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_editor_makes_a_kpi_a_count_and_a_fraction_is_refused(page, editor, roadmap):
    objective = roadmap.objectives.get()
    kpi = make_kpi(
        objective,
        name="Services meeting the standard",
        unit="services",
        baseline_value=Decimal(0),
        target_value=Decimal(12),
    )
    measure(kpi, days_ago(37), 4)
    sign_in(page, editor.username)
    page.goto(objective_url("objective-detail", objective))
    row = page.locator(f"#kpi-{kpi.pk}")
    row.get_by_role("link", name="Change Services meeting the standard").click()

    row.get_by_label("Count of whole things (people, services, cases)").check()
    row.get_by_role("textbox", name="Target value").fill("12.5")
    row.get_by_role("button", name="Save KPI").click()
    summary = row.locator(".error-summary")
    expect(summary).to_contain_text("Target must be a whole number: this KPI counts services.")
    expect(row.locator(f"#change-kpi-{kpi.pk}-target_value_error")).to_contain_text(
        "Target must be a whole number"
    )
    assert_accessible(page, "the KPI's inline form refusing a fraction of a service")
    kpi.refresh_from_db()
    assert kpi.unit_kind == KPIUnitKind.QUANTITY

    row.get_by_role("textbox", name="Target value").fill("12")
    row.get_by_role("button", name="Save KPI").click()
    expect(page.locator("#notifications")).to_contain_text("KPI saved")
    kpi.refresh_from_db()
    assert kpi.unit_kind == KPIUnitKind.COUNT

    page.goto(kpi_url("kpi-detail", kpi))
    expect(page.locator("section[aria-labelledby=status-heading]")).to_contain_text(
        "4 services against 5 services planned for"
    )
    ticks = page.locator(".kpi-chart__value-label").all_text_contents()
    assert ticks and all(re.fullmatch(r"[\d,]+ services?", tick) for tick in ticks), ticks
    assert_accessible(page, "the count KPI's page")
