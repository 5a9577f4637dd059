"""Load the demo roadmap. Reruns add only what is missing, and change nothing.

The demo is made of parts: the roadmap itself, its principles, the agency's
goals, the objectives, their alignments to the goals, the KPIs and their
measurements, the components, the initiatives and the dependencies between
them. A rerun adds a part only when the demo has none of it, so a demo
made before a feature existed gains that feature's data, while anything a user
has renamed, changed or deleted stays as they left it (a renamed principle is
not seeded again beside it). Parts that hang off others (alignments, KPIs,
measurements, initiatives, dependencies) attach to the demo objectives, KPIs,
components and initiatives found by their demo title or name; one a user has
renamed is left alone (a renamed component keeps its kind, and is found by it).
Initiatives and dependencies are added through the services, so the demo obeys
the rules a user's plan does. `remove_demo` clears the demo for a
deliberate `seed_demo --reset`.

KPI dates are relative to the day the KPIs are seeded, so a fresh demo is
current: each KPI's baseline is about a year ago and its measurements run
monthly or quarterly up to the end of the last complete month. Each KPI's
series is drawn from the status it is meant to show: its latest reading sits a
set share of the planned change behind (or ahead of) the straight line from
baseline to target, as `roadmap.rules.kpi_status` judges it, so the demo shows
on-track, at-risk, off-track, achieved and no-data KPIs on any day it is seeded.
Initiatives, by contrast, have fixed months in the 2026-2030 horizon, with the
statuses of December 2026 (see `content`).
"""

from __future__ import annotations

import calendar
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.utils import timezone

from agencies.models import Organisation
from ui.periods import period_start

from ..models import (
    KPI,
    Component,
    Dependency,
    GuidingPrinciple,
    Initiative,
    Measurement,
    Objective,
    ObjectiveAlignment,
    OrganisationalGoal,
    Partner,
    ReportingFrequency,
    Roadmap,
    RoadmapStatus,
)
from ..models.milestones import DuePrecision
from ..models.sponsors import SPONSOR_FIELDS
from ..rules.kpi_status import expected_on
from ..services.components import components_seed
from ..services.initiatives import dependency_add, initiative_create
from ..services.milestones import milestone_create
from ..services.risks import risk_create
from .content import (
    DEMO_OBJECTIVE_LABEL,
    DEMO_PARTNERS,
    DEMO_PUBLISHER,
    DEMO_ROADMAP_SLUG,
    DEMO_ROADMAP_TITLE,
    DEPENDENCIES,
    GOALS,
    HIGHER,
    INITIATIVES,
    MILESTONES,
    OBJECTIVE_SPONSORS,
    OBJECTIVES,
    PRINCIPLES,
    PUBLISHED_KPIS,
    PURPOSE,
    QUARTERLY,
    RISKS,
    ROADMAP_GOALS,
    VISION,
    DemoInitiative,
    DemoKPI,
    OutsideSponsor,
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
    """Add what is missing of the demo roadmap; see `seed_demo_roadmap`."""
    return seed_demo_roadmap(agency=agency, created_by=created_by, users=users, today=today)[0]


def seed_demo_roadmap(
    *, agency: Organisation, created_by, users=None, today=None
) -> tuple[Roadmap, list[str]]:
    """Add the parts of the demo roadmap that are missing and say which ones (for
    example "6 principles"). `users` maps demo user names to users (the owners);
    `today` (default: the local date) anchors the dates of KPIs added now."""
    users = users or {}
    today = today or timezone.localdate()
    added: list[str] = []
    roadmap = Roadmap.objects.filter(organisation=agency, slug=DEMO_ROADMAP_SLUG).first()
    if roadmap is None:
        roadmap = Roadmap.objects.create(
            organisation=agency,
            slug=DEMO_ROADMAP_SLUG,
            title=DEMO_ROADMAP_TITLE,
            horizon_start_year=2026,
            horizon_end_year=2030,
            vision=VISION,
            purpose=PURPOSE,
            status=RoadmapStatus.DRAFT,
            created_by=created_by,
        )
        added.append("the roadmap")
    if not roadmap.principles.exists():
        GuidingPrinciple.objects.bulk_create(
            GuidingPrinciple(roadmap=roadmap, title=title, description=text, position=position)
            for position, (title, text) in enumerate(PRINCIPLES)
        )
        added.append(plural(len(PRINCIPLES), "principle"))
    if not agency.goals.filter(roadmap=None).exists():
        OrganisationalGoal.objects.bulk_create(
            OrganisationalGoal(
                organisation=agency, title=title, description=text, position=position
            )
            for position, (title, text) in enumerate(GOALS)
        )
        added.append(plural(len(GOALS), "goal"))
    if not roadmap.objectives.exists():
        for position, spec in enumerate(OBJECTIVES):
            Objective.objects.create(
                roadmap=roadmap,
                title=spec.title,
                description=spec.description,
                desired_outcomes="\n".join(spec.outcomes),
                priority=spec.priority,
                owner=users.get(spec.owner),
                citizen_centric=bool(spec.citizen_outcome),
                citizen_outcome=spec.citizen_outcome,
                position=position,
            )
        added.append(plural(len(OBJECTIVES), "objective"))
    # The demo objectives still there under their demo title, and their specs.
    objectives = {o.title: o for o in roadmap.objectives.all()}
    specs = [(objectives[spec.title], spec) for spec in OBJECTIVES if spec.title in objectives]

    if not ObjectiveAlignment.objects.filter(objective__roadmap=roadmap).exists():
        goals = {goal.title: goal for goal in agency.goals.filter(roadmap=None)}
        alignments = [
            ObjectiveAlignment(objective=objective, goal=goals[title], rationale=rationale)
            for objective, spec in specs
            for title, rationale in spec.alignments
            if title in goals
        ]
        ObjectiveAlignment.objects.bulk_create(alignments)
        if alignments:
            added.append(
                plural(len(alignments), "alignment of an objective", "alignments of objectives")
            )
    kpis = KPI.objects.filter(objective__roadmap=roadmap)
    if not kpis.exists():
        count = 0
        for objective, spec in specs:
            for position, kpi_spec in enumerate(spec.kpis):
                seed_kpi(objective, kpi_spec, position=position, users=users, today=today)
                count += 1
            published = [p for p in PUBLISHED_KPIS if p.objective == spec.title]
            for position, kpi_spec in enumerate(published, start=len(spec.kpis)):
                seed_published_kpi(objective, kpi_spec, position=position, users=users, today=today)
                count += 1
        if count:
            added.append(plural(count, "KPI"))
    elif not Measurement.objects.filter(kpi__objective__roadmap=roadmap).exists():
        by_name = {(kpi.objective_id, kpi.name): kpi for kpi in kpis}
        count = 0
        for objective, spec in specs:
            for kpi_spec in spec.kpis:
                if kpi := by_name.get((objective.pk, kpi_spec.name)):
                    count += seed_measurements(kpi, kpi_spec)
        if count:
            added.append(plural(count, "measurement"))
    added += seed_people(roadmap, objectives=objectives, users=users)
    added += seed_plan(roadmap, objectives=objectives, users=users, by=created_by)
    return roadmap, added


def seed_people(roadmap: Roadmap, *, objectives: dict[str, Objective], users) -> list[str]:
    """The roadmap's publisher, partners and word for its objectives, its
    missions' sponsors, and a goal of its own, each only when that part is
    missing (a roadmap with a publisher or partners keeps what it has)."""
    added = []
    if not roadmap.publisher and not roadmap.partners.exists():
        roadmap.publisher = DEMO_PUBLISHER
        roadmap.objective_label = DEMO_OBJECTIVE_LABEL
        roadmap.save(update_fields=["publisher", "objective_label"])
        Partner.objects.bulk_create(
            Partner(roadmap=roadmap, name=name, position=position)
            for position, name in enumerate(DEMO_PARTNERS)
        )
        added.append(f"the publisher and {plural(len(DEMO_PARTNERS), 'partner')}")
    sponsored = roadmap.objectives.exclude(sponsor=None, sponsor_name="")
    if not sponsored.exists():
        count = 0
        for title, sponsor in OBJECTIVE_SPONSORS.items():
            if (objective := objectives.get(title)) is None:
                continue
            if isinstance(sponsor, OutsideSponsor):
                objective.sponsor_name = sponsor.name
                objective.sponsor_role = sponsor.role
                objective.sponsor_organisation = sponsor.organisation
            elif sponsor in users:
                objective.sponsor = users[sponsor]
            else:
                continue
            objective.save(update_fields=list(SPONSOR_FIELDS))
            count += 1
        if count:
            added.append(plural(count, "sponsor of an objective", "sponsors of objectives"))
    if not roadmap.own_goals.exists():
        for position, (title, description, serving) in enumerate(ROADMAP_GOALS):
            goal = OrganisationalGoal.objects.create(
                organisation=roadmap.organisation,
                roadmap=roadmap,
                title=title,
                description=description,
                position=position,
            )
            ObjectiveAlignment.objects.bulk_create(
                ObjectiveAlignment(objective=objectives[name], goal=goal, rationale=why)
                for name, why in serving
                if name in objectives
            )
        added.append(plural(len(ROADMAP_GOALS), "goal of the roadmap", "goals of the roadmap"))
    return added


def seed_plan(roadmap: Roadmap, *, objectives: dict[str, Objective], users, by) -> list[str]:
    """Add the missing parts of the demo plan: the seed's components when the roadmap
    has none, the initiatives when it has none, and the dependencies between the demo
    initiatives (found by their demo title) when it has none. Says what it added."""
    added = []
    if not roadmap.components.exists():
        added.append(plural(len(components_seed(roadmap=roadmap)), "component"))
    if not roadmap.initiatives.exists():
        components = demo_components(roadmap)
        count = 0
        for spec in INITIATIVES:
            component = components.get(spec.component)
            if component is None:
                continue  # the user deleted that component: its initiatives stay out
            seed_initiative(
                roadmap, spec, component=component, objectives=objectives, users=users, by=by
            )
            count += 1
        if count:
            added.append(plural(count, "initiative"))
    if not Dependency.objects.filter(initiative__roadmap=roadmap).exists():
        initiatives = demo_initiatives(roadmap)
        count = 0
        for dependant, prerequisite in DEPENDENCIES:
            if dependant in initiatives and prerequisite in initiatives:
                dependency_add(
                    initiative=initiatives[dependant], prerequisite=initiatives[prerequisite]
                )
                count += 1
        if count:
            added.append(plural(count, "dependency", "dependencies"))
    if not roadmap.milestones.exists() or not roadmap.risks.exists():
        initiatives = demo_initiatives(roadmap)
        if not roadmap.milestones.exists():
            added.extend(seed_milestones(roadmap, initiatives, by=by))
        if not roadmap.risks.exists():
            added.extend(seed_risks(roadmap, initiatives, users=users, by=by))
    return added


def seed_milestones(roadmap: Roadmap, initiatives: dict[str, Initiative], *, by) -> list[str]:
    count = 0
    for spec in MILESTONES:
        if spec.initiative is not None and spec.initiative not in initiatives:
            continue  # its initiative was renamed or deleted
        year, month, day = spec.due
        milestone_create(
            roadmap=roadmap,
            title=spec.title,
            due_date=date(year, month, day or 1),
            due_precision=DuePrecision.DAY if day else DuePrecision.MONTH,
            initiative=initiatives.get(spec.initiative) if spec.initiative else None,
            done=spec.done_on is not None,
            done_on=date(*spec.done_on) if spec.done_on else None,
            by=by,
        )
        count += 1
    return [plural(count, "milestone")] if count else []


def seed_risks(roadmap: Roadmap, initiatives: dict[str, Initiative], *, users, by) -> list[str]:
    for spec in RISKS:
        risk_create(
            roadmap=roadmap,
            title=spec.title,
            description=spec.description,
            likelihood=spec.likelihood,
            impact=spec.impact,
            owner=users.get(spec.owner) if spec.owner else None,
            mitigation=spec.mitigation,
            status=spec.status,
            initiatives=[initiatives[key] for key in spec.initiatives if key in initiatives],
            by=by,
        )
    return [plural(len(RISKS), "risk")] if RISKS else []


def demo_initiatives(roadmap: Roadmap) -> dict[str, Initiative]:
    """The demo initiatives still there under their demo title, by their key in
    `content` (what dependencies, milestones and risks attach to)."""
    keys = {spec.title: spec.key for spec in INITIATIVES}
    return {
        keys[initiative.title]: initiative
        for initiative in roadmap.initiatives.filter(title__in=keys)
    }


def demo_components(roadmap: Roadmap) -> dict[str, Component]:
    """The roadmap's components by the seed name the demo uses: a component still
    called by its kind's name, or else (renamed) the first of that kind."""
    found: dict[str, Component] = {}
    components = list(roadmap.components.select_related("kind"))
    for component in components:
        if component.kind is not None and component.kind.name not in found:
            found[component.kind.name] = component
    found.update((component.name, component) for component in components)
    return found


def seed_initiative(
    roadmap: Roadmap,
    spec: DemoInitiative,
    *,
    component: Component,
    objectives: dict[str, Objective],
    users,
    by,
) -> Initiative:
    sponsor = spec.sponsor
    outside = sponsor if isinstance(sponsor, OutsideSponsor) else None
    return initiative_create(
        roadmap=roadmap,
        title=spec.title,
        summary=spec.summary,
        component=component,
        objectives=[objectives[title] for title in spec.objectives if title in objectives],
        start_month=date(*spec.start, 1),
        end_month=date(*spec.end, 1),
        owner=users.get(spec.owner) if spec.owner else None,
        sponsor=users.get(sponsor) if isinstance(sponsor, str) else None,
        sponsor_name=outside.name if outside else "",
        sponsor_role=outside.role if outside else "",
        sponsor_organisation=outside.organisation if outside else "",
        status=spec.status,
        rag=spec.rag,
        rag_reason=spec.rag_reason,
        percent_complete=spec.percent_complete,
        capital_cost=money(spec.capital_cost),
        operating_cost=money(spec.operating_cost),
        funding_source=spec.funding_source,
        funding_status=spec.funding_status,
        benefits=spec.benefits,
        benefit_type=spec.benefit_type,
        value=spec.value,
        effort=spec.effort,
        confidence=spec.confidence,
        tags=spec.tags,
        by=by,
    )


def money(amount: str | None) -> Decimal | None:
    return Decimal(amount) if amount is not None else None


def plural(count: int, singular: str, many: str = "") -> str:
    return f"{count} {singular if count == 1 else many or singular + 's'}"


def demo_contents(agency: Organisation) -> list[str]:
    """What a reset would replace: the demo roadmap's parts and the agency's goals."""
    roadmap = Roadmap.objects.filter(organisation=agency, slug=DEMO_ROADMAP_SLUG).first()
    found = []
    if roadmap is not None:
        found.append(f'the demo roadmap "{roadmap.title}"')
        found.append(plural(roadmap.principles.count(), "principle"))
        found.append(plural(roadmap.objectives.count(), "objective"))
        found.append(plural(KPI.objects.filter(objective__roadmap=roadmap).count(), "KPI"))
        found.append(
            plural(
                Measurement.objects.filter(kpi__objective__roadmap=roadmap).count(), "measurement"
            )
        )
        found.append(plural(roadmap.components.count(), "component"))
        found.append(plural(roadmap.initiatives.count(), "initiative"))
        found.append(
            plural(
                Dependency.objects.filter(initiative__roadmap=roadmap).count(),
                "dependency",
                "dependencies",
            )
        )
        found.append(plural(roadmap.milestones.count(), "milestone"))
        found.append(plural(roadmap.risks.count(), "risk"))
    found.append(plural(agency.goals.filter(roadmap=None).count(), "goal") + f" of {agency.name}")
    return found


def remove_demo(agency: Organisation) -> None:
    """Delete the demo roadmap (with everything in it) and the agency's goals."""
    # Initiatives first: their component is protected (a component holding
    # initiatives cannot go), so deleting the roadmap alone would be refused.
    Initiative.objects.filter(
        roadmap__organisation=agency, roadmap__slug=DEMO_ROADMAP_SLUG
    ).delete()
    Roadmap.objects.filter(organisation=agency, slug=DEMO_ROADMAP_SLUG).delete()
    agency.goals.all().delete()


def demo_kpi_dates(spec: DemoKPI, today: date) -> tuple[date, date, date]:
    """(baseline date, target date, latest reading) of a demo KPI seeded on `today`:
    the latest complete month ends the series; the baseline is a year before it."""
    latest = months_before(today, 1)
    baseline_date = months_before(latest, 12)
    target_date = months_before(baseline_date, -round(spec.years_to_target * 12))
    return baseline_date, target_date, latest


def seed_kpi(objective: Objective, spec: DemoKPI, *, position: int, users, today: date) -> KPI:
    baseline_date, target_date, _ = demo_kpi_dates(spec, today)
    kpi = KPI.objects.create(
        objective=objective,
        name=spec.name,
        definition=spec.definition,
        unit=spec.unit,
        unit_kind=spec.unit_kind,
        direction=spec.direction,
        baseline_value=Decimal(spec.baseline),
        baseline_date=baseline_date,
        target_value=Decimal(spec.target),
        target_date=target_date,
        data_source=spec.data_source,
        owner=users.get(spec.owner),
        reporting_frequency=spec.frequency,
        position=position,
    )
    seed_measurements(kpi, spec, today=today)
    return kpi


def seed_published_kpi(objective: Objective, spec, *, position: int, users, today: date) -> KPI:
    """A KPI as a published roadmap states it (content.PUBLISHED_KPIS), its rough
    dates at the start of their periods (ui.periods)."""
    baseline_date = None
    if spec.baseline is not None:
        baseline_date = period_start(
            months_before(today, spec.baseline_months_ago), spec.baseline_precision
        )
    target_date = None
    if spec.target is not None:
        ahead = months_before(today, -(spec.target_years_ahead * 12 + spec.target_months_ahead))
        target_date = period_start(ahead, spec.target_precision)
    kpi = KPI.objects.create(
        objective=objective,
        name=spec.name,
        definition=spec.definition,
        unit=spec.unit,
        unit_kind=spec.unit_kind,
        direction=spec.direction,
        baseline_unknown=spec.baseline is None,
        baseline_value=None if spec.baseline is None else Decimal(spec.baseline),
        baseline_qualifier=spec.baseline_qualifier,
        baseline_precision=spec.baseline_precision,
        baseline_date=baseline_date,
        baseline_note=spec.baseline_note,
        tracked=spec.target is None,
        target_value=None if spec.target is None else Decimal(spec.target),
        target_qualifier=spec.target_qualifier,
        target_precision=spec.target_precision,
        target_date=target_date,
        data_source=spec.data_source,
        owner=users.get(spec.owner),
        reporting_frequency=spec.frequency,
        position=position,
    )
    Measurement.objects.bulk_create(
        Measurement(
            kpi=kpi,
            date=months_before(today, reading.months_ago),
            value=Decimal(reading.value),
            value_qualifier=reading.qualifier,
            source=reading.source,
            note=reading.note,
            entered_by=kpi.owner,
        )
        for reading in spec.readings
    )
    return kpi


def seed_measurements(kpi: KPI, spec: DemoKPI, *, today: date | None = None) -> int:
    """Add the demo series to a KPI that has none, on the KPI's own dates (a year of
    readings after its baseline, up to the last complete month); returns how many."""
    today = today or timezone.localdate()
    latest = min(months_before(today, 1), months_before(kpi.baseline_date, -12))
    readings = kpi_readings(
        spec, baseline_date=kpi.baseline_date, target_date=kpi.target_date, latest=latest
    )
    notes = {
        readings[-1 - back][0]: note for back, note in spec.notes.items() if back < len(readings)
    }
    Measurement.objects.bulk_create(
        Measurement(kpi=kpi, date=day, value=value, note=notes.get(day, ""), entered_by=kpi.owner)
        for day, value in readings
        if day > kpi.baseline_date
    )
    return sum(1 for day, _ in readings if day > kpi.baseline_date)
