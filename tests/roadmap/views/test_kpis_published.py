"""KPIs as published roadmaps state them, over HTTP (issue 12): a baseline not
yet known, a figure tracked without a target, "more than 100", "by 2030",
measurement sources, and overdue KPIs counted on the overview and filtered in
the every-KPI table, in a fixed number of queries."""

import re
from datetime import date
from decimal import Decimal

import pytest

from roadmap.models import KPI, Measurement, Objective
from tests.helpers import HTMX, count_queries, signed_in, url, with_dates
from tests.roadmap.kpi_factories import days_ago, kpi_url, make_kpi, objective_url

pytestmark = pytest.mark.django_db


def published_kpi(**changes) -> dict[str, str]:
    """ "At least 190 services by 2030", its baseline not yet known."""
    return with_dates(
        {
            "name": "Services that meet the accessibility standard",
            "definition": "",
            "unit": "services",
            "unit_kind": "count",
            "direction": "higher",
            "baseline_unknown": "on",
            "baseline_qualifier": "exactly",
            "baseline_value": "",
            "baseline_precision": "day",
            "baseline_date": "",
            "baseline_note": "after the first audit, in spring 2027",
            "target_qualifier": "at_least",
            "target_value": "190",
            "target_precision": "year",
            "target_date": ("", "", "2030"),
            "data_source": "Audit register",
            "owner": "",
            "reporting_frequency": "six_monthly",
            **changes,
        },
        "baseline_date",
        "target_date",
    )


def test_a_kpi_with_an_unknown_baseline_and_a_year_target_is_saved_as_published(
    client, editor, objective
):
    response = signed_in(client, editor).post(
        objective_url("kpi-create", objective), published_kpi()
    )

    assert response.status_code == 302
    kpi = KPI.objects.get(name="Services that meet the accessibility standard")
    assert (kpi.baseline_unknown, kpi.baseline_value, kpi.baseline_date) == (True, None, None)
    assert (kpi.target_qualifier, kpi.target_value) == ("at_least", Decimal(190))
    assert (kpi.target_precision, kpi.target_date) == ("year", date(2030, 1, 1))
    assert kpi.reporting_frequency == "six_monthly"


def test_a_more_than_measurement_is_judged_truthfully_and_printed_as_published(
    client, editor, objective
):
    signed_in(client, editor).post(objective_url("kpi-create", objective), published_kpi())
    kpi = KPI.objects.get(name="Services that meet the accessibility standard")
    measurement = with_dates(
        {
            "value_qualifier": "more_than",
            "value": "100",
            "date": days_ago(3),
            "source": "Audit register, first round",
            "note": "Half the audits done.",
        },
        "date",
    )

    response = client.post(kpi_url("measurement-create", kpi), measurement)
    assert response.status_code == 302
    page = client.get(kpi_url("kpi-detail", kpi)).content.decode()
    words = " ".join(page.split())

    assert "No baseline" in words
    assert "More than 100 services on" in words
    assert "at least 190 services by 2030" in words
    assert "Not yet known (after the first audit, in spring 2027)" in words
    assert "Audit register, first round" in words
    assert "Six-monthly" in words
    assert not re.search(r"\d{1,2} [A-Z][a-z]+ 2030", words), "no invented day for 'by 2030'"
    assert "kpi-status--no_baseline" in words
    assert "kpi-status--on_track" not in words and "kpi-status--achieved" not in words


def test_a_tracked_kpi_shows_its_trend_and_no_status_judged(client, viewer, objective):
    kpi = make_kpi(
        objective,
        name="People who proved their identity",
        unit="people",
        tracked=True,
        target_value=None,
        target_date=None,
    )
    Measurement.objects.create(
        kpi=kpi, date=days_ago(5), value=2200000, value_qualifier="more_than"
    )

    page = signed_in(client, viewer).get(kpi_url("kpi-detail", kpi)).content.decode()
    words = " ".join(page.split())

    assert "Tracked" in words
    assert "More than 2,200,000 people on" in words
    assert "No target: tracked" in words
    assert "Tracked without a target, so no status is judged." in words


def test_the_form_says_a_0_to_100_percent_measure_may_be_a_commitment_and_links_the_way(
    client, editor, objective
):
    typed = published_kpi(
        baseline_unknown="",
        baseline_value="0",
        baseline_date=days_ago(10),
        unit="%",
        unit_kind="quantity",
        target_value="100",
        target_qualifier="exactly",
        name="",  # another error keeps the form on the page
    )

    response = signed_in(client, editor).post(objective_url("kpi-create", objective), typed)

    text = response.content.decode()
    assert "This looks like a yes/no commitment (from 0 to 100%)" in text
    assert url("milestones", objective.roadmap) in text
    assert url("initiatives", objective.roadmap) in text


def overdue_kpi(objective, name: str) -> KPI:
    """Monthly, last measured 100 days ago: a measurement is overdue."""
    kpi = make_kpi(objective, name=name, reporting_frequency="monthly")
    Measurement.objects.create(kpi=kpi, date=days_ago(100), value=10)
    return kpi


def test_overdue_kpis_are_counted_on_the_overview_and_filtered_in_the_table(
    client, viewer, objective
):
    late = overdue_kpi(objective, "Late KPI")
    fresh = make_kpi(objective, name="Fresh KPI", reporting_frequency="monthly")
    Measurement.objects.create(kpi=fresh, date=days_ago(5), value=10)
    signed_in(client, viewer)

    overview = client.get(url("detail", objective.roadmap)).content.decode()
    listed = client.get(url("kpis", objective.roadmap) + "?overdue=1").content.decode()

    assert re.search(
        r'href="[^"]+/kpis/\?overdue=1"><span class="figure__number">1</span>', overview
    )
    assert "Late KPI" in listed and "Fresh KPI" not in listed
    assert "Overdue KPIs" in listed
    # A flag beside the status, not instead of it.
    row = re.search(rf'<tr id="kpi-{late.pk}">.*?</tr>', listed, re.S).group(0)
    assert "kpi-status--" in row and "Overdue" in row and "was due by" in row


def test_the_every_kpi_table_names_objectives_in_the_roadmaps_own_words_and_numbers(
    client, viewer, objective
):
    roadmap = objective.roadmap
    roadmap.objective_label = "mission"
    roadmap.save()
    second = Objective.objects.create(roadmap=roadmap, title="Better data", position=9)
    make_kpi(second, name="Datasets published")

    text = signed_in(client, viewer).get(url("kpis", roadmap)).content.decode()

    assert '<th scope="col">Mission</th>' in text and ">Objective</th>" not in text
    row = re.search(r'<tr id="kpi-\d+">(?:(?!</tr>).)*Datasets published.*?</tr>', text, re.S)
    assert 'data-label="Mission"' in row.group(0)
    assert "Mission 2: Better data</a>" in row.group(0)


def test_the_overdue_filter_is_404_for_another_agency(client, outsider, objective):
    overdue_kpi(objective, "Late KPI")
    response = signed_in(client, outsider).get(url("kpis", objective.roadmap) + "?overdue=1")
    assert response.status_code == 404


def test_the_every_kpi_table_costs_the_same_queries_at_10x(client, viewer, objective):
    signed_in(client, viewer)
    address = url("kpis", objective.roadmap) + "?overdue=1"
    overdue_kpi(objective, "Late 0")
    make_kpi(objective, name="Tracked 0", tracked=True, target_value=None, target_date=None)
    few, _ = count_queries(client, address)
    for n in range(1, 10):
        overdue_kpi(objective, f"Late {n}")
        make_kpi(objective, name=f"Tracked {n}", tracked=True, target_value=None, target_date=None)
    many, text = count_queries(client, address)
    # The tracked KPIs, unmeasured since their baseline 200 days ago, are overdue too.
    assert text.count('class="kpi-overdue"') == 20
    assert few == many, f"{few} queries, then {many}"


def test_the_kpi_page_fragment_keeps_qualifiers_for_htmx(client, editor, objective):
    kpi = make_kpi(
        objective,
        name="Incidents",
        direction="lower",
        unit="incidents",
        baseline_value=Decimal(40),
        target_value=Decimal(10),
    )
    measurement = with_dates(
        {
            "value_qualifier": "more_than",
            "value": "30",
            "date": days_ago(2),
            "source": "",
            "note": "",
        },
        "date",
    )
    response = signed_in(client, editor).post(
        kpi_url("measurement-create", kpi), measurement, headers=HTMX
    )
    words = " ".join(response.content.decode().split())
    assert 'id="measurements"' in words
    assert "Not judged" in words
    assert "could be any distance on the worse side" in words
    assert ">more than 30 incidents<" in words


def test_the_kpi_download_keeps_qualifiers_and_rough_dates_in_constant_queries(
    client, viewer, objective
):
    from tests.roadmap.views.test_plan_downloads import csv_rows, download

    signed_in(client, viewer)
    kpi = make_kpi(
        objective,
        name="Services that meet the standard",
        unit="services",
        baseline_unknown=True,
        baseline_value=None,
        baseline_date=None,
        target_qualifier="at_least",
        target_value=Decimal(190),
        target_precision="year",
        target_date=date(2030, 1, 1),
    )
    Measurement.objects.create(
        kpi=kpi, date=days_ago(5), value=Decimal(100), value_qualifier="more_than"
    )
    address = url("plan-download", objective.roadmap, table="kpis", file_format="csv")
    few, _ = count_queries(client, address)

    headers, row = csv_rows(download(client, objective.roadmap, "kpis.csv"))
    got = dict(zip(headers, row, strict=True))
    assert got["Baseline"] == "Not yet known"
    assert (got["Target"], got["Target date"]) == ("at least 190 services", "by 2030")
    assert (got["Latest"], got["Status"]) == ("more than 100 services", "No baseline")

    for n in range(9):
        overdue_kpi(objective, f"Late {n}")
    many, _ = count_queries(client, address)
    assert few == many, f"{few} queries, then {many}"


def test_a_month_target_with_no_month_is_refused_at_its_month_box(client, editor, objective):
    typed = published_kpi(target_precision="month", target_date=("", "", "2027"))
    response = signed_in(client, editor).post(objective_url("kpi-create", objective), typed)
    text = response.content.decode()
    assert "Target date must include a month." in text
    assert 'href="#id_target_date_month"' in text  # the summary links to the wrong box
    assert 'value="2027"' in text  # what was typed is kept
    assert not KPI.objects.filter(name__startswith="Services that meet").exists()


def test_a_year_target_beyond_the_horizon_is_warned_then_kept_when_the_box_is_ticked(
    client, editor, objective
):
    """The horizon is 2026 to 2030: "by 2035" is often a slip for 2025, but a
    published aim may look past the roadmap's own years."""
    client = signed_in(client, editor)
    typed = published_kpi(target_date=("", "", "2035"))

    warned = client.post(objective_url("kpi-create", objective), typed).content.decode()

    assert "The target year 2035 is outside the roadmap&#x27;s horizon (2026 to 2030)" in warned
    assert 'name="beyond_horizon"' in warned  # the box to keep the year is offered
    assert 'href="#id_target_date_year"' in warned  # only the year box is marked
    assert 'value="2035"' in warned
    assert not KPI.objects.filter(name__startswith="Services that meet").exists()

    kept = client.post(objective_url("kpi-create", objective), {**typed, "beyond_horizon": "on"})

    assert kept.status_code == 302
    kpi = KPI.objects.get(name__startswith="Services that meet")
    assert (kpi.target_precision, kpi.target_date) == ("year", date(2035, 1, 1))
    # Edited later, the year stays kept: the box comes ticked.
    edit = client.get(kpi_url("kpi-edit", kpi)).content.decode()
    box = re.search(r'<input[^>]*name="beyond_horizon"[^>]*>', edit)
    assert box and "checked" in box.group(0)


def test_a_year_target_within_the_horizon_offers_no_box(client, editor, objective):
    typed = published_kpi(target_date=("", "", "2030"), name="")  # a name error keeps the form
    response = signed_in(client, editor).post(objective_url("kpi-create", objective), typed)
    assert "Enter a name for the KPI." in response.content.decode()
    assert 'name="beyond_horizon"' not in response.content.decode()
