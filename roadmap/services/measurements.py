"""Writes to a KPI's measurements. They check the fields (ranges included, see
roadmap.rules.bounds) and the date with the same rules as the form: not before
the baseline, not in the future, one measurement a day."""

from datetime import date
from decimal import Decimal

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction

from ui.concurrency import Refused, editor, save_revised, unique_or_refused
from ui.formatting import format_date

from ..models import KPI, Measurement
from ..rules.kpi_values import Qualifier
from ._checks import check_fields

FIELDS = ("value_qualifier", "value", "date", "source", "note")


def _checked(measurement: Measurement) -> None:
    check_fields(measurement, FIELDS)
    try:
        measurement.kpi.check_whole(measurement.value, "Value")
    except ValidationError as error:
        raise Refused("value", error.messages[0]) from error
    try:
        measurement.kpi.check_measurement_date(measurement.date)
    except ValidationError as error:
        raise Refused("date", error.messages[0]) from error


def _same_day(day: date) -> str:
    return f"There is already a measurement on {format_date(day)}: change that one instead."


@transaction.atomic
def measurement_record(
    *,
    kpi: KPI,
    value: Decimal,
    date: date,
    note: str = "",
    source: str = "",
    value_qualifier: str = Qualifier.EXACTLY,
    entered_by: AbstractBaseUser | None,
) -> Measurement:
    measurement = Measurement(
        kpi=kpi,
        value=value,
        value_qualifier=value_qualifier,
        date=date,
        source=source,
        note=note,
        entered_by=entered_by,
        updated_by=editor(entered_by),
    )
    _checked(measurement)
    with unique_or_refused("date", _same_day(date)):
        measurement.save()
    return measurement


@transaction.atomic
def measurement_update(
    *,
    measurement: Measurement,
    value: Decimal,
    date: date,
    note: str,
    source: str = "",
    value_qualifier: str = Qualifier.EXACTLY,
    revision: int | None = None,
    by: AbstractBaseUser | None = None,
) -> Measurement:
    """`revision` is the one the user saw: a save over a later one is refused."""
    measurement.value = value
    measurement.value_qualifier = value_qualifier
    measurement.source = source
    measurement.date = date
    measurement.note = note
    _checked(measurement)
    save_revised(
        measurement,
        fields=FIELDS,
        revision=revision,
        by=by,
        unique=("date", _same_day(date)),
    )
    return measurement


@transaction.atomic
def measurement_delete(*, measurement: Measurement) -> None:
    measurement.delete()
