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
from ui.periods import Precision, period_start

from ..models import KPI, KPIDirection, KPIUnitKind, Objective, ReportingFrequency
from ..rules.kpi_status import PlanError, check_plan
from ..rules.kpi_values import Qualifier
from ._checks import check_fields

# What the KPI form edits, in the order the form shows it.
KPI_FIELDS = (
    "name",
    "definition",
    "unit",
    "unit_kind",
    "direction",
    "baseline_unknown",
    "baseline_qualifier",
    "baseline_value",
    "baseline_precision",
    "baseline_date",
    "baseline_note",
    "tracked",
    "target_qualifier",
    "target_value",
    "target_precision",
    "target_date",
    "data_source",
    "owner",
    "reporting_frequency",
)
DUPLICATE = "This objective already has a KPI with that name."


def _checked(kpi: KPI, *, beyond_horizon: bool = False) -> None:
    """Every field the form edits, then the plan (which needs valid numbers and dates)
    and, for a count, whole numbers. `beyond_horizon`: the user kept a target year
    outside the roadmap's horizon after the warning."""
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
        check_plan(**plan_of(kpi, beyond_horizon=beyond_horizon))
    except PlanError as error:
        raise Refused(error.field, str(error)) from error


def plan_of(kpi: KPI, *, beyond_horizon: bool = False) -> dict:
    """What the plan rule (roadmap.rules.kpi_status.plan_problems) judges of a KPI,
    its rough dates at the start of their periods; the form and admin ask the same.
    `beyond_horizon` leaves out the horizon's warning (the user kept the year)."""
    for date_field, precision_field in (
        ("baseline_date", "baseline_precision"),
        ("target_date", "target_precision"),
    ):
        day = getattr(kpi, date_field)
        if day is not None:
            setattr(kpi, date_field, period_start(day, getattr(kpi, precision_field)))
    roadmap = kpi.objective.roadmap
    return {
        "baseline_value": kpi.baseline_value,
        "baseline_date": kpi.baseline_date,
        "target_value": kpi.target_value,
        "target_date": kpi.target_date,
        "baseline_unknown": kpi.baseline_unknown,
        "tracked": kpi.tracked,
        "baseline_qualifier": kpi.baseline_qualifier,
        "target_qualifier": kpi.target_qualifier,
        "baseline_precision": kpi.baseline_precision,
        "target_precision": kpi.target_precision,
        "horizon": None if beyond_horizon else roadmap.horizon_years,
    }


@transaction.atomic
def kpi_create(
    *,
    objective: Objective,
    name: str,
    baseline_value: Decimal | None,
    baseline_date: date | None,
    target_value: Decimal | None,
    target_date: date | None,
    baseline_unknown: bool = False,
    baseline_qualifier: str = Qualifier.EXACTLY,
    baseline_precision: str = Precision.DAY,
    baseline_note: str = "",
    tracked: bool = False,
    target_qualifier: str = Qualifier.EXACTLY,
    target_precision: str = Precision.DAY,
    definition: str = "",
    unit: str = "",
    unit_kind: str = KPIUnitKind.QUANTITY,
    direction: str = KPIDirection.HIGHER,
    data_source: str = "",
    owner: AbstractBaseUser | None = None,
    reporting_frequency: str = ReportingFrequency.QUARTERLY,
    beyond_horizon: bool = False,
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
        baseline_unknown=baseline_unknown,
        baseline_qualifier=baseline_qualifier,
        baseline_precision=baseline_precision,
        baseline_note=baseline_note,
        tracked=tracked,
        target_qualifier=target_qualifier,
        target_precision=target_precision,
        data_source=data_source,
        owner=owner,
        reporting_frequency=reporting_frequency,
        updated_by=editor(by),
    )
    _checked(kpi, beyond_horizon=beyond_horizon)
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
    baseline_value: Decimal | None,
    baseline_date: date | None,
    target_value: Decimal | None,
    target_date: date | None,
    data_source: str,
    owner: AbstractBaseUser | None,
    reporting_frequency: str,
    baseline_unknown: bool = False,
    baseline_qualifier: str = Qualifier.EXACTLY,
    baseline_precision: str = Precision.DAY,
    baseline_note: str = "",
    tracked: bool = False,
    target_qualifier: str = Qualifier.EXACTLY,
    target_precision: str = Precision.DAY,
    unit_kind: str | None = None,
    beyond_horizon: bool = False,
    revision: int | None = None,
    by: AbstractBaseUser | None = None,
) -> KPI:
    """`revision` is the one the user saw: a save over a later one is refused.
    `unit_kind` None keeps the KPI's own (count or quantity). `beyond_horizon`:
    the user kept a target year outside the horizon after the warning."""
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
    kpi.baseline_unknown = baseline_unknown
    kpi.baseline_qualifier = baseline_qualifier
    kpi.baseline_precision = baseline_precision
    kpi.baseline_note = baseline_note
    kpi.tracked = tracked
    kpi.target_qualifier = target_qualifier
    kpi.target_precision = target_precision
    kpi.data_source = data_source
    kpi.owner = owner
    kpi.reporting_frequency = reporting_frequency
    _checked(kpi, beyond_horizon=beyond_horizon)
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
