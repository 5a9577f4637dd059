"""The services refuse a fraction of a thing for a KPI that counts whole things,
as the forms do, naming the field; a quantity may be a fraction."""

from datetime import timedelta
from decimal import Decimal

import pytest

from roadmap.models import KPI, KPIUnitKind, Measurement
from roadmap.services.kpis import kpi_create, kpi_update
from roadmap.services.measurements import measurement_record, measurement_update
from tests.roadmap.kpi_factories import days_ago, make_kpi, measure, today
from ui.concurrency import Refused

pytestmark = pytest.mark.django_db


def state():
    return tuple(list(model.objects.order_by("pk").values()) for model in (KPI, Measurement))


def plan(**changes):
    return {
        "name": "Services meeting the standard",
        "unit": "services",
        "unit_kind": KPIUnitKind.COUNT,
        "baseline_value": Decimal(2),
        "baseline_date": days_ago(30),
        "target_value": Decimal(12),
        "target_date": today() + timedelta(days=365),
        **changes,
    }


@pytest.fixture
def count(objective):
    return make_kpi(
        objective,
        name="Cases closed",
        unit="cases",
        unit_kind=KPIUnitKind.COUNT,
        baseline_value=Decimal(0),
        target_value=Decimal(500),
    )


@pytest.mark.parametrize(
    ("field", "what"), [("baseline_value", "Baseline"), ("target_value", "Target")]
)
def test_kpi_create_refuses_a_fraction_of_a_thing(objective, field, what):
    before = state()

    with pytest.raises(Refused) as refused:
        kpi_create(objective=objective, **plan(**{field: Decimal("5.3")}))

    assert refused.value.field == field
    assert refused.value.message == f"{what} must be a whole number: this KPI counts services."
    assert state() == before


def test_kpi_create_stores_a_count_and_a_fractional_quantity(objective):
    count = kpi_create(objective=objective, **plan())
    quantity = kpi_create(
        objective=objective,
        **plan(
            name="Days to decide", unit="days", unit_kind="quantity", target_value=Decimal("1.5")
        ),
    )

    assert count.unit_kind == KPIUnitKind.COUNT
    assert quantity.target_value == Decimal("1.5")


def test_kpi_update_keeps_the_kind_unless_told_and_refuses_a_count_with_fractions(count):
    fields = ("name", "definition", "unit", "direction", "baseline_value", "baseline_date")
    fields += ("target_value", "target_date", "data_source", "owner", "reporting_frequency")
    current = {name: getattr(count, name) for name in fields}

    kpi_update(kpi=count, **current)
    count.refresh_from_db()
    assert count.unit_kind == KPIUnitKind.COUNT

    before = state()
    with pytest.raises(Refused) as refused:
        kpi_update(kpi=count, **current | {"target_value": Decimal("499.5")})
    assert refused.value.field == "target_value"
    assert state() == before


def test_kpi_update_refuses_to_make_a_count_of_fractional_measurements(objective):
    kpi = make_kpi(objective, unit="%")
    measure(kpi, days_ago(10), "40.5")
    fields = ("name", "definition", "unit", "direction", "baseline_value", "baseline_date")
    fields += ("target_value", "target_date", "data_source", "owner", "reporting_frequency")
    before = state()

    with pytest.raises(Refused) as refused:
        kpi_update(
            kpi=kpi,
            **{name: getattr(kpi, name) for name in fields},
            unit_kind=KPIUnitKind.COUNT,
        )

    assert refused.value.field == "unit_kind"
    assert "1 measurement is not a whole number" in refused.value.message
    assert state() == before


def test_measurements_of_a_count_are_whole(count, editor):
    before = state()
    with pytest.raises(Refused) as refused:
        measurement_record(kpi=count, value=Decimal("28810.5"), date=days_ago(3), entered_by=editor)
    assert refused.value.field == "value"
    assert refused.value.message == "Value must be a whole number: this KPI counts cases."
    assert state() == before

    reading = measurement_record(
        kpi=count, value=Decimal("28810"), date=days_ago(3), entered_by=editor
    )
    with pytest.raises(Refused):
        measurement_update(measurement=reading, value=Decimal("0.5"), date=reading.date, note="")
    reading.refresh_from_db()
    assert reading.value == Decimal(28810)
