"""The data step of roadmap 0005: existing KPIs are sorted into counts and
quantities by their unit, and a KPI holding a fraction is never made a count."""

import importlib
from decimal import Decimal

import pytest
from django.apps import apps

from roadmap.models import KPI, KPIUnitKind
from tests.roadmap.kpi_factories import days_ago, make_kpi, measure

step = importlib.import_module("roadmap.migrations.0005_kpi_unit_kind")


@pytest.mark.parametrize(
    "unit",
    [
        "%",
        "% of calls answered",
        "£",
        "£m",
        "€ per claim",
        "US$",
        "GBP",
        "days",
        "days to decide",
        "hours per case",
        "Minutes",
        "weeks",
        "years",
        "score",
        "satisfaction score",
        "points",
        "rate",
        "ratio",
        "percent",
        "cases per officer",
    ],
)
def test_units_of_measure_are_quantities(unit):
    assert step.is_quantity(unit)


@pytest.mark.parametrize(
    "unit", ["", "services", "cases", "people", "staff", "data sets", "calls a month", "accounts"]
)
def test_units_of_things_are_counts(unit):
    assert not step.is_quantity(unit)


@pytest.mark.django_db
def test_existing_kpis_are_sorted_and_a_fraction_keeps_a_kpi_a_quantity(objective):
    made = {
        "percent": make_kpi(objective, name="percent", unit="%"),
        "services": make_kpi(objective, name="services", unit="services"),
        "fractional baseline": make_kpi(
            objective, name="fractional baseline", unit="cases", baseline_value=Decimal("0.5")
        ),
        "fractional reading": make_kpi(objective, name="fractional reading", unit="people"),
        "whole reading": make_kpi(objective, name="whole reading", unit="people"),
    }
    measure(made["fractional reading"], days_ago(5), "10.5")
    measure(made["whole reading"], days_ago(5), "10")
    KPI.objects.update(unit_kind=KPIUnitKind.QUANTITY)

    step.sort_kpis(apps, None)

    kinds = dict(KPI.objects.values_list("name", "unit_kind"))
    assert kinds == {
        "percent": "quantity",
        "services": "count",
        "fractional baseline": "quantity",
        "fractional reading": "quantity",
        "whole reading": "count",
    }
