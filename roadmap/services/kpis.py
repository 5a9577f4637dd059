"""Writes to KPIs. They check every field (ranges included, see roadmap.rules.bounds)
and the plan with the same rules as the form, so an import or an API cannot store
what the form would refuse."""

from datetime import date
from decimal import Decimal

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction

from ui.concurrency import Refused, editor, locked, save_revised, unique_or_refused
from ui.ordering import Move, MoveResult, MoveTo, move_in_list, next_position

from ..models import KPI, KPIDirection, KPIUnitKind, Objective, ReportingFrequency
from ..rules.kpi_status import PlanError, check_plan
from ._checks import check_fields

# What the KPI form edits, in the order the form shows it.
KPI_FIELDS = (
    "name",
    "definition",
    "unit",
    "unit_kind",
    "direction",
    "baseline_value",
    "baseline_date",
    "target_value",
    "target_date",
    "data_source",
    "owner",
    "reporting_frequency",
)
DUPLICATE = "This objective already has a KPI with that name."


def _checked(kpi: KPI) -> None:
    """Every field the form edits, then the plan (which needs valid numbers and dates)
    and, for a count, whole numbers."""
    check_fields(kpi, KPI_FIELDS)
    checks = [
        ("unit_kind", kpi.check_unit_kind),
        ("baseline_value", lambda: kpi.check_whole(kpi.baseline_value, "Baseline")),
        ("target_value", lambda: kpi.check_whole(kpi.target_value, "Target")),
    ]
    for field, check in checks:
        try:
            check()
        except ValidationError as error:
            raise Refused(field, error.messages[0]) from error
    try:
        kpi.check_baseline_date(kpi.baseline_date)
    except ValidationError as error:
        raise Refused("baseline_date", error.messages[0]) from error
    try:
        check_plan(
            baseline_value=kpi.baseline_value,
            baseline_date=kpi.baseline_date,
            target_value=kpi.target_value,
            target_date=kpi.target_date,
        )
    except PlanError as error:
        raise Refused(error.field, str(error)) from error


@transaction.atomic
def kpi_create(
    *,
    objective: Objective,
    name: str,
    baseline_value: Decimal,
    baseline_date: date,
    target_value: Decimal,
    target_date: date,
    definition: str = "",
    unit: str = "",
    unit_kind: str = KPIUnitKind.QUANTITY,
    direction: str = KPIDirection.HIGHER,
    data_source: str = "",
    owner: AbstractBaseUser | None = None,
    reporting_frequency: str = ReportingFrequency.QUARTERLY,
    by: AbstractBaseUser | None = None,
) -> KPI:
    kpi = KPI(
        objective=objective,
        name=name.strip(),
        definition=definition,
        unit=unit,
        unit_kind=unit_kind,
        direction=direction,
        baseline_value=baseline_value,
        baseline_date=baseline_date,
        target_value=target_value,
        target_date=target_date,
        data_source=data_source,
        owner=owner,
        reporting_frequency=reporting_frequency,
        updated_by=editor(by),
    )
    _checked(kpi)
    locked(objective)  # two editors adding at once get distinct positions
    kpi.position = next_position(objective.kpis.all())
    with unique_or_refused("name", DUPLICATE):
        kpi.save()
    return kpi


@transaction.atomic
def kpi_update(
    *,
    kpi: KPI,
    name: str,
    definition: str,
    unit: str,
    direction: str,
    baseline_value: Decimal,
    baseline_date: date,
    target_value: Decimal,
    target_date: date,
    data_source: str,
    owner: AbstractBaseUser | None,
    reporting_frequency: str,
    unit_kind: str | None = None,
    revision: int | None = None,
    by: AbstractBaseUser | None = None,
) -> KPI:
    """`revision` is the one the user saw: a save over a later one is refused.
    `unit_kind` None keeps the KPI's own (count or quantity)."""
    kpi.name = name.strip()
    kpi.definition = definition
    kpi.unit = unit
    if unit_kind is not None:
        kpi.unit_kind = unit_kind
    kpi.direction = direction
    kpi.baseline_value = baseline_value
    kpi.baseline_date = baseline_date
    kpi.target_value = target_value
    kpi.target_date = target_date
    kpi.data_source = data_source
    kpi.owner = owner
    kpi.reporting_frequency = reporting_frequency
    _checked(kpi)
    save_revised(kpi, fields=KPI_FIELDS, revision=revision, by=by, unique=("name", DUPLICATE))
    return kpi


def kpi_move(*, kpi: KPI, move: Move | MoveTo) -> MoveResult:
    return move_in_list(
        item=kpi,
        siblings=KPI.objects.filter(objective_id=kpi.objective_id),
        move=move,
        parent=Objective(pk=kpi.objective_id),
    )


@transaction.atomic
def kpi_delete(*, kpi: KPI) -> None:
    kpi.delete()
