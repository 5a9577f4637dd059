"""Finding 4 of issue 7: a KPI target date of 9999-12-01 was accepted, and then the
KPI page answered 500 ("year 10000 is out of range" in the chart code) and the
roadmap's PDF could not be made. Dates outside a field's range are now refused
next to the field, and nothing is stored."""

from datetime import timedelta

import pytest
from django.utils import timezone

from reports.assembly import load_roadmap_for_report, render_report_html
from roadmap.models import KPI
from tests.helpers import signed_in
from tests.html import FormPage
from tests.roadmap.kpi_factories import kpi_url, objective_url

from .test_kpis import database_state, new_kpi


@pytest.mark.parametrize("target_date", ["1 12 9999", "1 1 2101"])
def test_a_far_future_target_date_is_refused_and_every_page_still_renders(
    client, editor, roadmap, objective, target_date
):
    signed_in(client, editor)
    client.raise_request_exception = False  # a 500 is an answer to assert on
    before = database_state()

    response = client.post(objective_url("kpi-create", objective), new_kpi(target_date=target_date))

    # Whatever was stored, every page that shows it answers, and so does the report.
    for kpi in KPI.objects.filter(objective=objective):
        assert client.get(kpi_url("kpi-detail", kpi)).status_code == 200
    assert client.get(objective_url("objective-detail", objective)).status_code == 200
    render_report_html(load_roadmap_for_report(roadmap.pk), generated_at=timezone.now(), version=1)
    # And what is out of range was never stored: the form says why, beside the field.
    assert response.status_code == 200
    assert FormPage(response).error("target_date") == (
        "Error: Enter a target date between 1 January 1990 and 31 December 2100."
    )
    assert database_state() == before


@pytest.mark.parametrize("baseline_date", ["31 12 1989", "1 1 0001"])
def test_a_baseline_date_before_1990_is_refused_beside_the_field(
    client, editor, objective, baseline_date
):
    before = database_state()

    response = signed_in(client, editor).post(
        objective_url("kpi-create", objective), new_kpi(baseline_date=baseline_date)
    )

    assert response.status_code == 200
    assert FormPage(response).error("baseline_date") == (
        "Error: Enter a baseline date between 1 January 1990 and 31 December 2100."
    )
    assert database_state() == before


def test_a_kpi_baseline_in_the_future_is_refused_beside_the_field(client, editor, objective):
    """Issue 8: a future baseline made every real measurement "before the baseline"."""
    before = database_state()
    tomorrow = timezone.localdate() + timedelta(days=1)

    response = signed_in(client, editor).post(
        objective_url("kpi-create", objective), new_kpi(baseline_date=tomorrow)
    )

    assert response.status_code == 200
    assert (
        FormPage(response)
        .error("baseline_date")
        .startswith("Error: The baseline date must be today or in the past")
    )
    assert database_state() == before


def test_a_kpi_baseline_of_today_is_accepted(client, editor, objective):
    today = timezone.localdate()

    response = signed_in(client, editor).post(
        objective_url("kpi-create", objective), new_kpi(baseline_date=today)
    )

    assert response.status_code == 302
    assert KPI.objects.get(objective=objective).baseline_date == today
