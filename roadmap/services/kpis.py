"""Writes to KPIs and their measurements."""

from datetime import date
from decimal import Decimal

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from ui.ordering import Move, MoveResult, move_in_list, next_position

from ..models import KPI, Measurement, Objective

KPI_FIELDS = (
    "name",
    "definition",
    "unit",
    "direction",
    "baseline_value",
    "baseline_date",
    "target_value",
    "target_date",
    "data_source",
    "owner",
    "reporting_frequency",
)


@transaction.atomic
def kpi_create(*, objective: Objective, **fields) -> KPI:
    """Fields are KPI_FIELDS; forms have checked dates and values."""
    Objective.objects.select_for_update().filter(pk=objective.pk).first()
    return KPI.objects.create(
        objective=objective, position=next_position(objective.kpis.all()), **fields
    )


@transaction.atomic
def kpi_update(*, kpi: KPI, **changes) -> KPI:
    unknown = set(changes) - set(KPI_FIELDS)
    if unknown:
        raise TypeError(f"kpi_update() got unexpected fields: {sorted(unknown)}")
    for field, value in changes.items():
        setattr(kpi, field, value)
    kpi.save(update_fields=[*changes, "updated_at"])
    return kpi


def kpi_move(*, kpi: KPI, move: Move) -> MoveResult:
    return move_in_list(
        item=kpi, siblings=KPI.objects.filter(objective_id=kpi.objective_id), move=move
    )


@transaction.atomic
def kpi_delete(*, kpi: KPI) -> None:
    kpi.delete()


@transaction.atomic
def measurement_record(
    *, kpi: KPI, value: Decimal, date: date, note: str = "", entered_by: AbstractBaseUser | None
) -> Measurement:
    return Measurement.objects.create(
        kpi=kpi, value=value, date=date, note=note, entered_by=entered_by
    )


@transaction.atomic
def measurement_update(
    *, measurement: Measurement, value: Decimal, date: date, note: str
) -> Measurement:
    measurement.value = value
    measurement.date = date
    measurement.note = note
    measurement.save(update_fields=["value", "date", "note"])
    return measurement


@transaction.atomic
def measurement_delete(*, measurement: Measurement) -> None:
    measurement.delete()
