"""The services refuse what the forms refuse: dates, years and numbers outside their
range (roadmap.rules.bounds), a baseline in the future, text a database cannot
hold, a choice that is not one. Each refusal names the field and changes nothing."""

from datetime import date, timedelta
from decimal import Decimal

import pytest

from roadmap.models import KPI, Measurement, Objective, Roadmap
from roadmap.services.kpis import kpi_create, kpi_update
from roadmap.services.measurements import measurement_record
from roadmap.services.objectives import objective_create
from roadmap.services.roadmaps import roadmap_create, roadmap_update
from tests.roadmap.kpi_factories import days_ago, measure, today
from ui.concurrency import Refused


def state():
    return tuple(
        list(model.objects.order_by("pk").values())
        for model in (Roadmap, Objective, KPI, Measurement)
    )


def plan(**changes):
    return {
        "name": "Claims decided online",
        "baseline_value": Decimal(10),
        "baseline_date": days_ago(30),
        "target_value": Decimal(90),
        "target_date": today() + timedelta(days=365),
        **changes,
    }


@pytest.mark.parametrize(
    "changes, field, message",
    [
        (
            {"target_date": date(9999, 12, 1)},
            "target_date",
            "Enter a target date between 1 January 1990 and 31 December 2100.",
        ),
        (
            {"baseline_date": date(1989, 12, 31)},
            "baseline_date",
            "Enter a baseline date between 1 January 1990 and 31 December 2100.",
        ),
        (
            {"target_value": Decimal("1000000000000.5")},
            "target_value",
            "Enter a target value between -1,000,000,000,000 and 1,000,000,000,000.",
        ),
        ({"baseline_value": Decimal("NaN")}, "baseline_value", None),
        ({"baseline_value": Decimal("0.00001")}, "baseline_value", None),
        ({"name": "Nul\x00byte"}, "name", "Null characters are not allowed."),
        ({"name": "   "}, "name", None),
        ({"name": "x" * 201}, "name", None),
        ({"direction": "sideways"}, "direction", None),
        ({"reporting_frequency": "hourly"}, "reporting_frequency", None),
    ],
    ids=lambda value: value if isinstance(value, str) else None,
)
def test_kpi_create_refuses_out_of_range_and_invalid_fields(objective, changes, field, message):
    before = state()

    with pytest.raises(Refused) as refused:
        kpi_create(objective=objective, **plan(**changes))

    assert refused.value.field == field
    if message:
        assert refused.value.message == message
    assert state() == before


def test_a_kpi_baseline_cannot_be_in_the_future(objective, kpi):
    tomorrow = today() + timedelta(days=1)
    before = state()

    with pytest.raises(Refused) as refused:
        kpi_create(objective=objective, **plan(name="New", baseline_date=tomorrow))
    assert refused.value.field == "baseline_date"
    assert refused.value.message.startswith("The baseline date must be today or in the past")

    fields = {name: getattr(kpi, name) for name in ("name", "definition", "unit", "direction")}
    with pytest.raises(Refused):
        kpi_update(
            kpi=kpi,
            **fields,
            baseline_value=kpi.baseline_value,
            baseline_date=tomorrow,
            target_value=kpi.target_value,
            target_date=kpi.target_date,
            data_source="",
            owner=None,
            reporting_frequency=kpi.reporting_frequency,
        )
    assert state() == before


def test_a_kpi_at_the_ends_of_every_range_is_stored(objective):
    kpi = kpi_create(
        objective=objective,
        **plan(
            baseline_value=Decimal(-(10**12)),
            baseline_date=date(1990, 1, 1),
            target_value=Decimal(10**12),
            target_date=date(2100, 12, 31),
        ),
    )
    kpi.refresh_from_db()
    assert (kpi.baseline_date, kpi.target_date) == (date(1990, 1, 1), date(2100, 12, 31))
    assert (kpi.baseline_value, kpi.target_value) == (Decimal(-(10**12)), Decimal(10**12))


@pytest.mark.parametrize(
    "value, day, field",
    [
        (Decimal("1e13"), None, "value"),
        (Decimal("Infinity"), None, "value"),
        (Decimal(5), date(1, 1, 1), "date"),
    ],
)
def test_measurement_record_refuses_out_of_range_values_and_dates(kpi, value, day, field):
    before = state()

    with pytest.raises(Refused) as refused:
        measurement_record(kpi=kpi, value=value, date=day or days_ago(1), entered_by=None)

    assert refused.value.field == field
    assert state() == before


@pytest.mark.parametrize(
    "start, end, field",
    [
        (1999, 2030, "horizon_start_year"),
        (2026, 40000, "horizon_end_year"),
        (2030, 2026, "horizon_end_year"),
    ],
)
def test_roadmap_years_are_refused_outside_2000_to_2100_or_out_of_order(
    agency, roadmap, start, end, field
):
    before = state()

    with pytest.raises(Refused) as created:
        roadmap_create(
            organisation=agency,
            created_by=None,
            title="Another",
            slug="another",
            horizon_start_year=start,
            horizon_end_year=end,
        )
    with pytest.raises(Refused) as updated:
        roadmap_update(
            roadmap=roadmap,
            title=roadmap.title,
            horizon_start_year=start,
            horizon_end_year=end,
            vision="",
        )

    assert created.value.field == updated.value.field == field
    assert state() == before


def test_objective_create_refuses_a_priority_that_is_not_a_choice(roadmap):
    before = state()

    with pytest.raises(Refused) as refused:
        objective_create(roadmap=roadmap, title="Faster claims", priority="urgent")

    assert refused.value.field == "priority"
    assert state() == before


def test_kpi_update_refuses_a_baseline_after_a_measurement(kpi):
    """The form's rule, now the service's too: no reading may end up before the baseline."""
    measure(kpi, days_ago(30), 40)
    before = state()

    with pytest.raises(Refused) as refused:
        kpi_update(
            kpi=kpi,
            name=kpi.name,
            definition="",
            unit=kpi.unit,
            direction=kpi.direction,
            baseline_value=kpi.baseline_value,
            baseline_date=days_ago(10),
            target_value=kpi.target_value,
            target_date=kpi.target_date,
            data_source="",
            owner=None,
            reporting_frequency=kpi.reporting_frequency,
        )

    assert refused.value.field == "baseline_date"
    assert refused.value.message.startswith("1 measurement is dated before")
    assert state() == before
