"""The KPI services refuse what the form refuses for KPIs as published (issue
12), by the same rules (roadmap.rules.kpi_status.plan_problems), and store what
a published roadmap states: rough dates at the start of their period."""

from datetime import date, timedelta
from decimal import Decimal

import pytest

from roadmap.models import KPI
from roadmap.services.kpis import kpi_create
from roadmap.services.measurements import measurement_record
from ui.concurrency import Refused

pytestmark = pytest.mark.django_db

PLAN = dict(
    name="Services that meet the standard",
    baseline_value=Decimal(10),
    baseline_date=date(2025, 1, 1),
    target_value=Decimal(190),
    target_date=date(2030, 1, 1),
)

REFUSED = {
    "tracked with a target": ({"tracked": True}, "target_value"),
    "a qualifier with no value": (
        {
            "baseline_unknown": True,
            "baseline_value": None,
            "baseline_date": None,
            "baseline_qualifier": "more_than",
        },
        "baseline_qualifier",
    ),
    "not yet known and a value": (
        {"baseline_unknown": True, "baseline_date": None},
        "baseline_value",
    ),
    "a year target outside the horizon": (
        {"target_precision": "year", "target_date": date(2035, 1, 1)},
        "target_date",
    ),
    "no target, not tracked": ({"target_value": None}, "target_value"),
    "a baseline period starting in the future": (
        {"baseline_date": date.today() + timedelta(days=40), "baseline_precision": "day"},
        "baseline_date",
    ),
}


@pytest.mark.parametrize("case", list(REFUSED))
def test_the_services_refuse_what_the_form_refuses(objective, case):
    changes, field = REFUSED[case]
    with pytest.raises(Refused) as refused:
        kpi_create(objective=objective, **{**PLAN, **changes})
    assert refused.value.field == field
    assert not KPI.objects.filter(name=PLAN["name"]).exists()


def test_the_services_keep_a_year_beyond_the_horizon_when_told_the_user_meant_it(objective):
    beyond = {"target_precision": "year", "target_date": date(2035, 1, 1)}
    kpi = kpi_create(objective=objective, **{**PLAN, **beyond}, beyond_horizon=True)
    kpi.refresh_from_db()
    assert (kpi.target_precision, kpi.target_date) == ("year", date(2035, 1, 1))


def test_a_published_kpi_is_stored_with_its_rough_dates_at_the_start_of_their_period(
    objective, editor
):
    kpi = kpi_create(
        objective=objective,
        **{
            **PLAN,
            "baseline_qualifier": "about",
            "baseline_precision": "quarter",
            "baseline_date": date(2025, 5, 17),
            "target_qualifier": "at_least",
            "target_precision": "year",
            "target_date": date(2030, 6, 30),
            "reporting_frequency": "six_monthly",
        },
    )
    kpi.refresh_from_db()
    assert (kpi.baseline_date, kpi.target_date) == (date(2025, 4, 1), date(2030, 1, 1))
    assert kpi.target_when == "by 2030"

    reading = measurement_record(
        kpi=kpi,
        value=Decimal(100),
        date=date(2026, 1, 31),
        value_qualifier="more_than",
        source="Audit register",
        entered_by=editor,
    )
    assert (reading.value_text, reading.source) == ("more than 100", "Audit register")
    # Judged on 100, against a line from about 10 in Q2 2025 to 190 by the end of 2030.
    assessment = kpi.assess()
    assert assessment.status == "on_track"
    assert assessment.explanation.startswith("More than 100 against 3")


def test_a_tracked_kpi_with_an_unknown_baseline_needs_no_invented_number(objective):
    kpi = kpi_create(
        objective=objective,
        name="People who proved their identity",
        baseline_unknown=True,
        baseline_value=None,
        baseline_date=None,
        tracked=True,
        target_value=None,
        target_date=None,
    )
    assert kpi.assess([]).status == "tracked"
