"""The demo roadmap: realistic, complete, current whatever day it is seeded, and
idempotent (`seed_demo` twice, or on a later day, never duplicates anything)."""

import io
from collections import Counter
from datetime import date, timedelta

import pytest
from django.core.management import call_command

from agencies.demo import seed_agency
from roadmap.demo import DEMO_ROADMAP_SLUG, seed_roadmap
from roadmap.demo.content import PUBLISHED_KPIS
from roadmap.models import (
    KPI,
    Component,
    Dependency,
    GuidingPrinciple,
    Initiative,
    KPIDirection,
    Measurement,
    Objective,
    ObjectiveAlignment,
    OrganisationalGoal,
    ReportingFrequency,
    Roadmap,
)
from roadmap.rules.kpi_status import KPIStatus
from roadmap.selectors.objectives import objectives_in_full

pytestmark = pytest.mark.django_db


def seed_demo() -> Roadmap:
    call_command("seed_demo", stdout=io.StringIO())
    return Roadmap.objects.get(slug=DEMO_ROADMAP_SLUG)


def seed_on(day: date) -> Roadmap:
    """The demo as `seed_demo` makes it, as if today were `day`."""
    agency, users = seed_agency(password="x")
    return seed_roadmap(agency=agency, created_by=users["lead"], users=users, today=day)


def counts() -> dict[str, int]:
    return {
        model.__name__: model.objects.count()
        for model in (
            Roadmap,
            GuidingPrinciple,
            OrganisationalGoal,
            Objective,
            ObjectiveAlignment,
            KPI,
            Measurement,
            Component,
            Initiative,
            Dependency,
        )
    }


def statuses(roadmap: Roadmap) -> Counter:
    return Counter(
        kpi.assess(kpi.measurements.all()).status
        for objective in objectives_in_full(roadmap)
        for kpi in objective.kpis.all()
    )


def test_seed_demo_twice_gives_the_same_counts_and_the_same_measurements():
    seed_demo()
    first = counts()
    readings = set(Measurement.objects.values_list("pk", "kpi_id", "date", "value", "note"))

    seed_demo()

    assert counts() == first
    assert set(Measurement.objects.values_list("pk", "kpi_id", "date", "value", "note")) == (
        readings
    ), "a rerun on the same day leaves every reading as it was"


def test_the_demo_is_a_complete_realistic_roadmap():
    roadmap = seed_demo()

    assert len(roadmap.purpose) > 200
    principles = list(roadmap.principles.values_list("title", flat=True))
    assert 5 <= len(principles) <= 6
    assert principles[:4] == [
        "Digital by default",
        "Citizen-centric",
        "Secure by design",
        "Data once, used many times",
    ]
    assert "Open and transparent" in principles
    assert all(p.description for p in roadmap.principles.all())
    assert 5 <= roadmap.organisation.goals.filter(roadmap=None).count() <= 6
    # Issue 12: a joint roadmap that calls its objectives missions, each with its
    # sponsor (one a permanent secretary outside the service), and a goal of its own.
    assert roadmap.objective_words.numbered(1) == "Mission 1"
    assert roadmap.publisher and roadmap.partners.count() == 2
    sponsors = {o.title: o.sponsor_text for o in roadmap.objectives.select_related("sponsor")}
    assert any("Permanent Secretary" in text for text in sponsors.values())
    assert any(text and "," not in text for text in sponsors.values()), "a member sponsor"
    [own] = roadmap.own_goals.all()
    assert own.alignments.count() == 2

    objectives = list(objectives_in_full(roadmap))
    assert 5 <= len(objectives) <= 7
    for objective in objectives:
        assert objective.description and len(objective.outcome_list) >= 2, objective
        assert objective.owner is not None and objective.owner.get_full_name(), objective
        assert objective.alignments.all(), f"{objective} serves no goal"
        assert all(a.rationale for a in objective.alignments.all())
        assert 1 <= len(objective.kpis.all()) <= 3, objective
        if objective.citizen_centric:
            assert objective.citizen_outcome
    assert any(o.citizen_centric for o in objectives)
    assert not all(o.citizen_centric for o in objectives)
    assert {o.priority for o in objectives} >= {"high", "medium"}

    kpis = [kpi for objective in objectives for kpi in objective.kpis.all()]
    assert {kpi.direction for kpi in kpis} == set(KPIDirection)
    assert {kpi.reporting_frequency for kpi in kpis} >= {
        ReportingFrequency.MONTHLY,
        ReportingFrequency.QUARTERLY,
    }
    for kpi in kpis:
        assert kpi.unit and kpi.definition and kpi.data_source and kpi.owner, kpi
    text = " ".join(
        [roadmap.vision, roadmap.purpose]
        + [f"{o.title} {o.description} {o.desired_outcomes}" for o in objectives]
        + [f"{k.name} {k.definition}" for k in kpis]
    ).lower()
    assert "lorem" not in text and "ipsum" not in text


@pytest.mark.parametrize(
    "today",
    [date(2026, 1, 1), date(2026, 3, 31), date(2027, 7, 15), date(2028, 2, 29), date(2029, 12, 31)],
)
def test_the_demo_shows_every_kpi_status_on_any_day(today):
    roadmap = seed_on(today)

    found = statuses(roadmap)

    assert found[KPIStatus.ACHIEVED] == 1
    assert found[KPIStatus.NO_DATA] == 1
    assert found[KPIStatus.ON_TRACK] >= 2
    assert found[KPIStatus.AT_RISK] >= 2
    assert found[KPIStatus.OFF_TRACK] >= 1


PUBLISHED = [spec.name for spec in PUBLISHED_KPIS]


@pytest.mark.parametrize("today", [date(2026, 1, 1), date(2027, 7, 15), date(2028, 2, 29)])
def test_the_demo_has_a_kpi_of_each_kind_a_published_roadmap_needs(today):
    """Issue 12: tracked, a baseline not yet known, qualified values, year, quarter
    and month targets, six-monthly and yearly reporting, and one KPI overdue."""
    roadmap = seed_on(today)
    kpis = {
        kpi.name: kpi
        for kpi in KPI.objects.filter(objective__roadmap=roadmap, name__in=PUBLISHED)
        .select_related("objective")
        .prefetch_related("measurements")
    }
    assert len(kpis) == len(PUBLISHED)
    judged = {name: kpi.assess(kpi.measurements.all()).status for name, kpi in kpis.items()}
    assert judged == {
        "People who have proved their identity online": KPIStatus.TRACKED,
        "Services that meet the accessibility standard": KPIStatus.NO_BASELINE,
        "Cyber incidents that stopped a service": KPIStatus.NOT_JUDGED,
        "Staff trained in data skills": judged["Staff trained in data skills"],
    }
    assert judged["Staff trained in data skills"] in (
        KPIStatus.ON_TRACK,
        KPIStatus.AT_RISK,
        KPIStatus.OFF_TRACK,
    )
    overdue = {name for name, kpi in kpis.items() if kpi.overdue(today=today)}
    assert overdue == {"Staff trained in data skills"}
    assert {kpi.target_precision for kpi in kpis.values() if not kpi.tracked} == {
        "year",
        "quarter",
        "month",
    }
    assert {kpi.reporting_frequency for kpi in kpis.values()} >= {"six_monthly", "annually"}
    qualifiers = {m.value_qualifier for kpi in kpis.values() for m in kpi.measurements.all()}
    assert {"more_than", "about"} <= qualifiers
    for kpi in kpis.values():
        for measurement in kpi.measurements.all():
            assert measurement.date <= today
            assert kpi.baseline_date is None or measurement.date >= kpi.baseline_date
            assert measurement.source, measurement
        if kpi.target_date and kpi.target_precision == "year":
            assert roadmap.horizon_start_year <= kpi.target_date.year <= roadmap.horizon_end_year


@pytest.mark.parametrize("today", [date(2026, 1, 1), date(2027, 7, 15), date(2028, 2, 29)])
def test_a_year_of_readings_up_to_the_last_complete_month(today):
    roadmap = seed_on(today)
    last_month_end = today.replace(day=1) - timedelta(days=1)

    generated = KPI.objects.filter(objective__roadmap=roadmap).exclude(name__in=PUBLISHED)
    for kpi in generated.prefetch_related("measurements"):
        dates = [m.date for m in kpi.measurements.all()]
        if not dates:
            continue  # the KPI with no data yet
        assert len(dates) == len(set(dates)), f"{kpi}: two readings on one date"
        assert max(dates) == last_month_end, kpi
        assert min(dates) > kpi.baseline_date, "no reading before the baseline"
        assert (last_month_end - kpi.baseline_date).days in range(360, 370), "a year ago"
        expected = 12 if kpi.reporting_frequency == ReportingFrequency.MONTHLY else 4
        assert len(dates) == expected, kpi
        assert kpi.target_date > today, "targets are still ahead"


def test_a_renamed_demo_principle_stays_renamed_and_is_not_seeded_again():
    roadmap = seed_demo()
    principle = roadmap.principles.get(title="Citizen-centric")
    principle.title = "Citizens first"
    principle.save()
    before = counts()

    seed_demo()

    assert counts() == before
    assert list(roadmap.principles.order_by("position").values_list("title", flat=True))[:3] == [
        "Digital by default",
        "Citizens first",
        "Secure by design",
    ]


def test_a_rerun_changes_nothing_a_user_changed_or_deleted():
    roadmap = seed_demo()
    roadmap.vision = "Our own vision"
    roadmap.save()
    objective = roadmap.objectives.order_by("position").first()
    objective.title = "A renamed objective"
    objective.save()
    kpi = KPI.objects.filter(objective__roadmap=roadmap).exclude(measurements=None).first()
    reading = kpi.measurements.order_by("date").last()
    reading.value += 30
    reading.save()
    roadmap.principles.order_by("position").last().delete()
    before = counts()

    seed_demo()

    assert counts() == before
    roadmap.refresh_from_db()
    assert roadmap.vision == "Our own vision"
    assert roadmap.objectives.filter(title="A renamed objective").count() == 1
    assert kpi.measurements.get(pk=reading.pk).value == reading.value


def test_seeding_on_a_later_day_keeps_the_readings_there_are():
    seed_on(date(2026, 5, 10))
    readings = set(Measurement.objects.values_list("pk", "date", "value"))

    seed_on(date(2026, 8, 20))

    assert set(Measurement.objects.values_list("pk", "date", "value")) == readings


def test_a_demo_made_before_a_part_existed_gains_that_part():
    """A demo seeded before KPIs (and goals) were a feature gets them on the next run,
    on the objectives it already has, and nothing else is touched."""
    roadmap = seed_demo()
    KPI.objects.all().delete()
    ObjectiveAlignment.objects.all().delete()
    OrganisationalGoal.objects.all().delete()
    objectives = set(roadmap.objectives.values_list("pk", "title"))

    seed_demo()

    assert set(roadmap.objectives.values_list("pk", "title")) == objectives
    assert KPI.objects.filter(objective__roadmap=roadmap).count() >= len(objectives)
    assert Measurement.objects.filter(kpi__objective__roadmap=roadmap).exists()
    assert roadmap.organisation.goals.count() >= 5
    assert all(o.alignments.exists() for o in roadmap.objectives.all())


def test_reset_replaces_the_demo_and_says_what_it_replaces():
    roadmap = seed_demo()
    roadmap.principles.filter(title="Citizen-centric").update(title="Citizens first")
    fresh = counts()
    out = io.StringIO()

    call_command("seed_demo", "--reset", stdout=out)

    assert counts() == fresh
    titles = list(
        Roadmap.objects.get(slug=DEMO_ROADMAP_SLUG).principles.values_list("title", flat=True)
    )
    assert "Citizen-centric" in titles and "Citizens first" not in titles
    output = out.getvalue()
    assert "Replacing the demo roadmap" in output
    assert f"{fresh['GuidingPrinciple']} principles" in output
    assert f"{fresh['Objective']} objectives" in output
    assert "Putting back the demo users' names, roles and password." in output
