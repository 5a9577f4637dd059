"""A KPI that counts whole things (services, cases, people): typed, shown,
explained and charted in whole numbers. A quantity keeps its precision.

The KPI below counts services from 0 to 12 over 400 days, so its planned line is
at a fraction of a service on almost every day (4.89 on the latest measurement's
day): none of those fractions may reach the page.
"""

import re
from datetime import timedelta
from decimal import Decimal

import pytest

from roadmap.models import KPI, KPIUnitKind, Measurement
from tests.helpers import HTMX, signed_in, with_dates
from tests.html import FormPage
from tests.roadmap.kpi_factories import (
    days_ago,
    kpi_url,
    make_kpi,
    measure,
    objective_url,
    today,
)

pytestmark = pytest.mark.django_db

FRACTION = re.compile(r"\d\.\d")


@pytest.fixture
def services(objective):
    kpi = make_kpi(
        objective,
        name="Services meeting the standard",
        unit="services",
        unit_kind=KPIUnitKind.COUNT,
        baseline_value=Decimal(0),
        target_value=Decimal(12),
    )
    measure(kpi, days_ago(150), 1)  # the line is at 1.5
    measure(kpi, days_ago(37), 4)  # the line is at 4.89
    return kpi


def new_kpi(**changes) -> dict[str, str]:
    """A KPI as the form posts it, its dates as day, month and year boxes."""
    return with_dates(
        {
            "name": "Services meeting the standard",
            "definition": "",
            "unit": "services",
            "unit_kind": "count",
            "direction": "higher",
            "baseline_value": "2",
            "baseline_date": days_ago(100),
            "target_value": "12",
            "target_date": today() + timedelta(days=365),
            "data_source": "",
            "owner": "",
            "reporting_frequency": "quarterly",
            **changes,
        },
        "baseline_date",
        "target_date",
    )


def words(html: str) -> str:
    """What a reader sees: the text between the tags (SVG coordinates left out)."""
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


# The KPI form -------------------------------------------------------------------


def test_the_kind_of_number_is_asked_right_after_the_unit(client, editor, objective):
    response = signed_in(client, editor).get(objective_url("kpi-create", objective))

    text = words(response.text)
    assert text.index("Unit") < text.index("What kind of number is it?") < text.index("Which way")
    assert "Count of whole things (people, services, cases)" in text
    assert "Quantity or measure (%, money, days, hours)" in text
    page = FormPage(response)
    assert page.widget("unit_kind").name == "fieldset"


def test_a_count_kpi_is_added(client, editor, objective):
    response = signed_in(client, editor).post(objective_url("kpi-create", objective), new_kpi())

    assert response.status_code == 302
    kpi = KPI.objects.get(name="Services meeting the standard")
    assert kpi.unit_kind == KPIUnitKind.COUNT


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("baseline_value", "2.5", "Baseline must be a whole number: this KPI counts services."),
        ("target_value", "11.75", "Target must be a whole number: this KPI counts services."),
    ],
)
@pytest.mark.parametrize("htmx", [False, True], ids=["plain", "htmx"])
def test_a_count_refuses_a_fraction_next_to_the_field(
    client, editor, objective, field, value, message, htmx
):
    response = signed_in(client, editor).post(
        objective_url("kpi-create", objective),
        new_kpi(**{field: value}),
        headers=HTMX if htmx else {},
    )

    page = FormPage(response)
    assert page.error(field) == f"Error: {message}"
    assert "1 problem" in page.summary()
    assert page.value(field) == value
    assert not KPI.objects.filter(name="Services meeting the standard").exists()


def test_a_quantity_may_be_a_fraction(client, editor, objective):
    response = signed_in(client, editor).post(
        objective_url("kpi-create", objective),
        new_kpi(unit="days", unit_kind="quantity", baseline_value="2.5"),
    )

    assert response.status_code == 302
    assert KPI.objects.get(name="Services meeting the standard").baseline_value == Decimal("2.5")


def test_a_kpi_with_fractional_measurements_cannot_become_a_count(client, editor, kpi):
    measure(kpi, days_ago(30), "40.5")

    response = signed_in(client, editor).post(
        kpi_url("kpi-edit", kpi),
        new_kpi(name=kpi.name, unit="%", baseline_date=kpi.baseline_date),
    )

    assert "1 measurement is not a whole number" in FormPage(response).error("unit_kind")
    kpi.refresh_from_db()
    assert kpi.unit_kind == KPIUnitKind.QUANTITY


def test_a_count_measurement_refuses_a_fraction_next_to_the_field(client, editor, services):
    before = list(Measurement.objects.values())

    response = signed_in(client, editor).post(
        kpi_url("measurement-create", services), {"value": "5.5", "date": str(days_ago(2))}
    )

    page = FormPage(response)
    assert page.error("value") == ("Error: Value must be a whole number: this KPI counts services.")
    assert list(Measurement.objects.values()) == before


# Pages and charts: no fraction of a thing ------------------------------------------


def test_the_kpi_page_of_a_count_shows_no_fractions(client, viewer, services):
    response = signed_in(client, viewer).get(kpi_url("kpi-detail", services))

    text = words(response.text)
    assert "4 services against 5 services planned for" in text
    assert "1 service behind plan. On track." in text
    assert "services, counted in whole numbers" in text
    assert not FRACTION.findall(text), FRACTION.findall(text)
    ticks = re.findall(r'class="kpi-chart__value-label"[^>]*>([^<]*)<', response.text)
    assert ticks and all(re.fullmatch(r"-?[\d,]+ services?", tick) for tick in ticks), ticks


def test_the_objective_page_of_a_count_shows_no_fractions(client, viewer, services):
    response = signed_in(client, viewer).get(services.objective.get_absolute_url())

    text = words(response.text)
    assert "12 services" in text and "4 services" in text
    assert not FRACTION.findall(text), FRACTION.findall(text)


def test_the_same_quantity_keeps_its_precision(client, viewer, services):
    services.unit, services.unit_kind = "days", KPIUnitKind.QUANTITY
    services.save()

    response = signed_in(client, viewer).get(kpi_url("kpi-detail", services))

    assert "4 days against 4.9 days planned for" in words(response.text)
