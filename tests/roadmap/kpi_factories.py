"""Objectives, KPIs and measurements for the objective-page and KPI-page tests.

Dates are relative to today, because a measurement may not be dated in the
future: each KPI's baseline is BASELINE_DAYS ago and its target TARGET_DAYS
ahead, from 0 to 100 (higher is better) unless told otherwise.
"""

from datetime import date, timedelta
from decimal import Decimal

from django.urls import reverse
from django.utils import timezone

from roadmap.models import KPI, Measurement, Objective
from roadmap.rules.kpi_status import expected_on

BASELINE_DAYS = 200
TARGET_DAYS = 200


def today() -> date:
    return timezone.localdate()


def days_ago(days: int) -> date:
    return today() - timedelta(days=days)


def make_kpi(objective: Objective, name: str = "Applications made online", **fields) -> KPI:
    values = {
        "unit": "%",
        "baseline_value": Decimal(0),
        "baseline_date": days_ago(BASELINE_DAYS),
        "target_value": Decimal(100),
        "target_date": today() + timedelta(days=TARGET_DAYS),
        "position": objective.kpis.count(),
        **fields,
    }
    return KPI.objects.create(objective=objective, name=name, **values)


def planned(kpi: KPI, day: date) -> Decimal:
    """Where the KPI's straight line from baseline to target is on `day`."""
    return expected_on(
        day,
        baseline_value=kpi.baseline_value,
        baseline_date=kpi.baseline_date,
        target_value=kpi.target_value,
        target_date=kpi.target_date,
    )


def measure(kpi: KPI, day: date, value, *, note: str = "", entered_by=None) -> Measurement:
    return Measurement.objects.create(
        kpi=kpi, date=day, value=Decimal(value), note=note, entered_by=entered_by
    )


def objective_url(name: str, objective: Objective, **kwargs) -> str:
    roadmap = objective.roadmap
    return reverse(
        f"roadmap:{name}",
        kwargs={
            "agency": roadmap.organisation.slug,
            "slug": roadmap.slug,
            "pk": objective.pk,
            **kwargs,
        },
    )


def kpi_url(name: str, kpi: KPI, **kwargs) -> str:
    return objective_url(name, kpi.objective, kpi_pk=kpi.pk, **kwargs)


def measurement_url(name: str, measurement: Measurement) -> str:
    return kpi_url(name, measurement.kpi, measurement_pk=measurement.pk)
