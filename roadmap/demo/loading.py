"""A realistic demo roadmap. Idempotent: reruns bring it back to this content.

Everything is keyed on its natural name (a principle's, goal's or objective's
title, a KPI's name), so a rerun updates rather than duplicates. KPI dates are
relative to today, so the demo stays current: each KPI's baseline is about a
year ago and its measurements run monthly or quarterly up to the end of the
last complete month. A rerun makes each demo KPI's measurements exactly that
series again (keyed on the date), so a rerun on a later day never adds a
second reading for a date, and readings that fell out of the window go.

Each KPI's series is drawn from the status it is meant to show: its latest
reading sits a set share of the planned change behind (or ahead of) the
straight line from baseline to target, as `roadmap.rules.kpi_status` judges it, so
the demo shows on-track, at-risk, off-track, achieved and no-data KPIs on any
day it is seeded.
"""

from __future__ import annotations

import calendar
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.utils import timezone

from agencies.models import Organisation

from ..models import (
    KPI,
    GuidingPrinciple,
    Measurement,
    Objective,
    ObjectiveAlignment,
    OrganisationalGoal,
    ReportingFrequency,
    Roadmap,
    RoadmapStatus,
)
from ..rules.kpi_status import expected_on
from .content import (
    DEMO_ROADMAP_SLUG,
    GOALS,
    HIGHER,
    OBJECTIVES,
    PRINCIPLES,
    PURPOSE,
    QUARTERLY,
    VISION,
    DemoKPI,
)

# A small, fixed wobble (as a share of the planned change) so the trends look like
# real readings rather than straight lines. The latest reading has none.
WOBBLE = (
    "0.012",
    "-0.008",
    "0.015",
    "-0.01",
    "0.005",
    "0.018",
    "-0.005",
    "0.01",
    "-0.012",
    "0.008",
)


def month_end(year: int, month: int) -> date:
    """The last day of a month, with months past 12 or below 1 carried into the year."""
    year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
    return date(year, month, calendar.monthrange(year, month)[1])


def months_before(day: date, months: int) -> date:
    """The end of the month `months` before `day`'s month."""
    return month_end(day.year, day.month - months)


def measurement_dates(*, latest: date, frequency: ReportingFrequency) -> list[date]:
    """A year of month ends up to `latest`: twelve monthly or four quarterly."""
    step = 3 if frequency == QUARTERLY else 1
    return [months_before(latest, months) for months in range(12 - step, -1, -step)]


def kpi_readings(spec: DemoKPI, *, baseline_date: date, target_date: date, latest: date):
    """(date, value) for each reading of a demo KPI, the latest last."""
    if spec.shortfall is None:
        return []
    baseline, target = Decimal(spec.baseline), Decimal(spec.target)
    change = abs(target - baseline)
    sign = 1 if spec.direction == HIGHER else -1
    final = Decimal(spec.shortfall)
    dates = measurement_dates(latest=latest, frequency=spec.frequency)
    quantum = Decimal(1).scaleb(-spec.places)
    readings = []
    for index, day in enumerate(dates, start=1):
        share = Decimal(index) / len(dates)
        wobble = Decimal(WOBBLE[index % len(WOBBLE)]) if index < len(dates) else Decimal(0)
        shortfall = final * share + wobble
        planned = expected_on(
            day,
            baseline_value=baseline,
            baseline_date=baseline_date,
            target_value=target,
            target_date=target_date,
        )
        value = planned - sign * shortfall * change
        # Nothing below zero, and no percentage above 100.
        value = max(value, Decimal(0))
        if spec.unit == "%":
            value = min(value, Decimal(100))
        readings.append((day, value.quantize(quantum, rounding=ROUND_HALF_UP)))
    return readings


def seed_roadmap(*, agency: Organisation, created_by, users=None, today=None) -> Roadmap:
    """Create or refresh the demo roadmap. `users` maps demo user names to users (the
    owners); `today` (default: the local date) anchors the KPI dates."""
    users = users or {}
    today = today or timezone.localdate()
    roadmap, _ = Roadmap.objects.update_or_create(
        organisation=agency,
        slug=DEMO_ROADMAP_SLUG,
        defaults={
            "title": "Digital Transformation Roadmap 2026 to 2030",
            "horizon_start_year": 2026,
            "horizon_end_year": 2030,
            "vision": VISION,
            "purpose": PURPOSE,
            "status": RoadmapStatus.DRAFT,
            "created_by": created_by,
        },
    )
    for position, (title, description) in enumerate(PRINCIPLES):
        GuidingPrinciple.objects.update_or_create(
            roadmap=roadmap,
            title=title,
            defaults={"description": description, "position": position},
        )
    goals = {}
    for position, (title, description) in enumerate(GOALS):
        goals[title], _ = OrganisationalGoal.objects.update_or_create(
            organisation=agency,
            title=title,
            defaults={"description": description, "position": position},
        )
    for position, spec in enumerate(OBJECTIVES):
        objective, _ = Objective.objects.update_or_create(
            roadmap=roadmap,
            title=spec.title,
            defaults={
                "description": spec.description,
                "desired_outcomes": "\n".join(spec.outcomes),
                "priority": spec.priority,
                "owner": users.get(spec.owner),
                "citizen_centric": bool(spec.citizen_outcome),
                "citizen_outcome": spec.citizen_outcome,
                "position": position,
            },
        )
        for goal_title, rationale in spec.alignments:
            ObjectiveAlignment.objects.update_or_create(
                objective=objective, goal=goals[goal_title], defaults={"rationale": rationale}
            )
        for kpi_position, kpi_spec in enumerate(spec.kpis):
            seed_kpi(objective, kpi_spec, position=kpi_position, users=users, today=today)
    return roadmap


def seed_kpi(objective: Objective, spec: DemoKPI, *, position: int, users, today: date) -> KPI:
    # The latest complete month ends the series; the baseline is a year before it.
    latest = months_before(today, 1)
    baseline_date = months_before(latest, 12)
    target_date = months_before(baseline_date, -round(spec.years_to_target * 12))
    owner = users.get(spec.owner)
    kpi, _ = KPI.objects.update_or_create(
        objective=objective,
        name=spec.name,
        defaults={
            "definition": spec.definition,
            "unit": spec.unit,
            "direction": spec.direction,
            "baseline_value": Decimal(spec.baseline),
            "baseline_date": baseline_date,
            "target_value": Decimal(spec.target),
            "target_date": target_date,
            "data_source": spec.data_source,
            "owner": owner,
            "reporting_frequency": spec.frequency,
            "position": position,
        },
    )
    readings = kpi_readings(
        spec, baseline_date=baseline_date, target_date=target_date, latest=latest
    )
    notes = {
        readings[-1 - back][0]: note for back, note in spec.notes.items() if back < len(readings)
    }
    sync_measurements(kpi, readings, notes=notes, entered_by=owner)
    return kpi


def sync_measurements(kpi: KPI, readings, *, notes: dict[date, str], entered_by) -> None:
    """Make the KPI's measurements exactly `readings`: one per date, nothing else."""
    wanted = dict(readings)
    existing: dict[date, Measurement] = {}
    extra: list[int] = []
    for measurement in kpi.measurements.order_by("date", "pk"):
        if measurement.date in wanted and measurement.date not in existing:
            existing[measurement.date] = measurement
        else:
            extra.append(measurement.pk)
    if extra:
        Measurement.objects.filter(pk__in=extra).delete()
    changed, new = [], []
    for day, value in wanted.items():
        note = notes.get(day, "")
        measurement = existing.get(day)
        if measurement is None:
            new.append(
                Measurement(kpi=kpi, date=day, value=value, note=note, entered_by=entered_by)
            )
        elif (measurement.value, measurement.note, measurement.entered_by_id) != (
            value,
            note,
            getattr(entered_by, "pk", None),
        ):
            measurement.value, measurement.note, measurement.entered_by = value, note, entered_by
            changed.append(measurement)
    if changed:
        Measurement.objects.bulk_update(changed, ["value", "note", "entered_by"])
    if new:
        Measurement.objects.bulk_create(new)
