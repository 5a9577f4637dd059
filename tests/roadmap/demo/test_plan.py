"""The demo plan: initiatives in all seven components, serving the demo objectives,
with dependencies that make a believable critical path and exactly what the
health check should find; loaded once, never duplicated, replaced on --reset."""

import io
from collections import Counter
from datetime import date

import pytest
from django.core.management import call_command

from roadmap.demo import DEMO_ROADMAP_SLUG
from roadmap.models import (
    RAG,
    Component,
    ComponentKind,
    Dependency,
    FundingStatus,
    Initiative,
    InitiativeStatus,
    Roadmap,
)
from roadmap.rules import health
from roadmap.rules.schedule import Span, conflicts, critical_path, month_index

pytestmark = pytest.mark.django_db

# The month the demo's statuses describe (see roadmap/demo/content.py).
DEMO_MONTH = date(2026, 12, 1)


def seed_demo(*args: str) -> tuple[Roadmap, str]:
    out = io.StringIO()
    call_command("seed_demo", *args, stdout=out)
    return Roadmap.objects.get(slug=DEMO_ROADMAP_SLUG), out.getvalue()


def plan_counts() -> dict[str, int]:
    return {
        "components": Component.objects.count(),
        "initiatives": Initiative.objects.count(),
        "dependencies": Dependency.objects.count(),
        "objective links": Initiative.objectives.through.objects.count(),
    }


def schedule(roadmap: Roadmap) -> tuple[dict[int, Span], list[tuple[int, int]]]:
    spans = {i.pk: Span(i.start_month, i.end_month) for i in roadmap.initiatives.all()}
    edges = list(
        Dependency.objects.filter(initiative__roadmap=roadmap).values_list(
            "initiative_id", "prerequisite_id"
        )
    )
    return spans, edges


def titles(roadmap: Roadmap, keys) -> list[str]:
    names = dict(roadmap.initiatives.values_list("pk", "title"))
    return [names[key] for key in keys]


def test_the_plan_fills_all_seven_components_and_serves_the_objectives():
    roadmap, output = seed_demo()

    initiatives = list(
        roadmap.initiatives.select_related("component__kind", "owner", "sponsor").prefetch_related(
            "objectives"
        )
    )
    assert 25 <= len(initiatives) <= 40
    assert roadmap.components.count() == 7
    assert {i.component.kind for i in initiatives} == set(ComponentKind.objects.all()), (
        "every one of the seven components holds initiatives"
    )
    assert f"{len(initiatives)} initiatives" in output and "7 components" in output

    unlinked = [i for i in initiatives if not i.objectives.all()]
    assert len(unlinked) == 1, "exactly one serves no objective, for the health check"
    assert all(1 <= len(i.objectives.all()) <= 2 for i in initiatives if i not in unlinked)
    served = {o.pk for i in initiatives for o in i.objectives.all()}
    assert served == set(roadmap.objectives.values_list("pk", flat=True)), (
        "every demo objective has initiatives delivering it"
    )

    for i in initiatives:
        assert i.summary and i.benefits and i.tags, i
        assert i.sponsor or i.sponsor_name, f"{i} has no one accountable"
        if i.rag != RAG.GREEN:
            assert i.rag_reason, i
    outside = [i for i in initiatives if i.sponsor_name]
    assert 1 <= len(outside) <= 3
    assert all(i.sponsor_role and i.sponsor_organisation for i in outside)
    assert len(outside) < len(initiatives) / 4, "most are sponsored by demo users"
    assert any(i.owner is None for i in initiatives)
    assert {i.owner.username for i in initiatives if i.owner} == {"lead", "editor", "admin"}

    rags = Counter(i.rag for i in initiatives)
    assert rags[RAG.RED] == 1 and 2 <= rags[RAG.AMBER] <= 5
    funding = Counter(i.funding_status for i in initiatives)
    assert funding[FundingStatus.UNFUNDED] and funding[FundingStatus.REQUESTED]
    assert any(i.capital_cost for i in initiatives) and any(i.operating_cost for i in initiatives)
    text = " ".join(f"{i.title} {i.summary} {i.benefits}" for i in initiatives).lower()
    assert "lorem" not in text


def test_statuses_are_those_of_december_2026():
    roadmap, _ = seed_demo()
    now = month_index(DEMO_MONTH)

    statuses = Counter()
    for i in roadmap.initiatives.all():
        start, end = month_index(i.start_month), month_index(i.end_month)
        statuses[i.status] += 1
        assert 2026 <= i.start_month.year <= i.end_month.year <= 2030, i
        if i.status == InitiativeStatus.DONE:
            assert end < now and i.percent_complete == 100, i
        elif i.status == InitiativeStatus.IN_PROGRESS:
            assert start <= now <= end and 0 < i.percent_complete < 100, i
        elif i.status in (InitiativeStatus.PLANNED, InitiativeStatus.PROPOSED):
            assert start > now and i.percent_complete == 0, i
        else:
            assert i.status == InitiativeStatus.CANCELLED, i
    assert statuses[InitiativeStatus.DONE] >= 4
    assert statuses[InitiativeStatus.IN_PROGRESS] >= 4
    assert statuses[InitiativeStatus.PLANNED] > statuses[InitiativeStatus.IN_PROGRESS]


def test_the_dependencies_make_no_circle_one_conflict_and_a_long_critical_path():
    roadmap, output = seed_demo()
    spans, edges = schedule(roadmap)

    assert 35 <= len(edges) <= 45
    assert f"{len(edges)} dependencies" in output
    path = critical_path(spans, edges)  # raises DependencyCycleError on a circle
    found = conflicts(spans, edges)

    assert 1 <= len(found) <= 2, "the timeline shows a conflict, and not a mess of them"
    assert titles(roadmap, [found[0].dependant, found[0].prerequisite]) == [
        "Migrate open cases from the legacy system",
        "Configure the casework platform for licensing, parking and housing",
    ]
    assert len(path) >= 4
    assert titles(roadmap, path)[:4] == [
        "Build the cloud landing zone",
        "Configure the casework platform for licensing, parking and housing",
        "Migrate open cases from the legacy system",
        "Switch off the legacy case management system",
    ]


def test_the_health_check_in_december_2026_finds_what_the_demo_leaves_for_it():
    roadmap, _ = seed_demo()
    spans, edges = schedule(roadmap)
    initiatives = {
        i.pk: health.InitiativeFacts(
            key=i.pk,
            title=i.title,
            status=i.status,
            start=i.start_month,
            end=i.end_month,
            objective_count=i.objectives.count(),
            funding_status=i.funding_status,
        )
        for i in roadmap.initiatives.all()
    }
    objectives = [
        health.ObjectiveFacts(
            key=o.pk, title=o.title, initiative_count=o.initiatives.count(), kpi_count=1
        )
        for o in roadmap.objectives.all()
    ]

    found = health.findings(
        today=DEMO_MONTH,
        initiatives=initiatives.values(),
        objectives=objectives,
        conflicts=conflicts(spans, edges),
    )

    by_rule = Counter(f.rule for f in found)
    assert by_rule == {
        health.Rule.DEPENDENCY_CONFLICT: 1,
        health.Rule.INITIATIVE_WITHOUT_OBJECTIVE: 1,
        health.Rule.UNFUNDED_STARTING_SOON: 2,
    }, "nothing past its end, every objective delivered"


def test_a_rerun_adds_no_initiative_or_dependency():
    seed_demo()
    before = plan_counts()
    links = set(Dependency.objects.values_list("pk", "initiative_id", "prerequisite_id"))

    _, output = seed_demo()

    assert plan_counts() == before
    assert set(Dependency.objects.values_list("pk", "initiative_id", "prerequisite_id")) == links
    assert "Nothing was missing" in output


def test_a_renamed_or_deleted_initiative_is_not_seeded_again():
    roadmap, _ = seed_demo()
    renamed = roadmap.initiatives.get(title="Build the cloud landing zone")
    renamed.title = "Our cloud platform"
    renamed.save()
    roadmap.initiatives.get(title="Close the on-premises data centre").delete()
    before = plan_counts()

    seed_demo()

    assert plan_counts() == before
    assert not roadmap.initiatives.filter(title="Build the cloud landing zone").exists()
    assert not roadmap.initiatives.filter(title="Close the on-premises data centre").exists()
    assert roadmap.initiatives.get(pk=renamed.pk).title == "Our cloud platform"


def test_a_demo_made_before_the_plan_existed_gains_it_on_its_objectives():
    roadmap, _ = seed_demo()
    Initiative.objects.all().delete()
    Component.objects.all().delete()
    objectives = set(roadmap.objectives.values_list("pk", "title"))

    _, output = seed_demo()

    assert "7 components" in output and "initiatives" in output and "dependencies" in output
    assert set(roadmap.objectives.values_list("pk", "title")) == objectives
    assert roadmap.initiatives.filter(objectives__isnull=False).exists()
    assert Dependency.objects.filter(initiative__roadmap=roadmap).count() >= 35


def test_lost_dependencies_come_back_between_the_demo_initiatives_still_there():
    roadmap, _ = seed_demo()
    count = Dependency.objects.count()
    roadmap.initiatives.filter(title="Switch off the legacy case management system").update(
        title="Retire the old system"
    )
    Dependency.objects.all().delete()
    initiatives = set(roadmap.initiatives.values_list("pk", "title"))

    _, output = seed_demo()

    assert set(roadmap.initiatives.values_list("pk", "title")) == initiatives
    retired = roadmap.initiatives.get(title="Retire the old system")
    assert not retired.dependencies.exists() and not retired.dependant_links.exists(), (
        "the renamed one is left alone"
    )
    added = Dependency.objects.count()
    assert 0 < added < count
    assert f"{added} dependencies" in output


def test_initiatives_go_to_a_renamed_component_of_their_kind():
    roadmap, _ = seed_demo()
    Initiative.objects.all().delete()
    lane = roadmap.components.get(name="Technology adoption")
    lane.name = "Platforms and technology"
    lane.save()

    seed_demo()

    assert roadmap.components.count() == 7
    assert lane.initiatives.count() >= 5
    assert not roadmap.components.filter(name="Technology adoption").exists()


def test_reset_replaces_the_plan_and_says_so():
    roadmap, _ = seed_demo()
    fresh = plan_counts()
    roadmap.initiatives.filter(title="Build the cloud landing zone").update(title="Our cloud")
    Dependency.objects.first().delete()

    roadmap, output = seed_demo("--reset")

    assert plan_counts() == fresh
    assert roadmap.initiatives.filter(title="Build the cloud landing zone").exists()
    assert not Initiative.objects.filter(title="Our cloud").exists()
    assert f"{fresh['initiatives']} initiatives" in output
    assert f"{fresh['dependencies'] - 1} dependencies" in output.split("Putting back")[0], (
        "it says what it replaces"
    )
    assert f"{fresh['dependencies']} dependencies" in output.split("Putting back")[1]


def test_the_demo_has_milestones_and_risks_on_its_initiatives_and_a_rerun_adds_none():
    roadmap, output = seed_demo()
    assert "10 milestones, 10 risks" in output
    milestones = list(roadmap.milestones.select_related("initiative"))
    assert any(m.initiative is None for m in milestones)  # the roadmap's own
    assert any(m.done for m in milestones) and any(not m.done for m in milestones)
    risks = list(roadmap.risks.prefetch_related("initiatives"))
    assert all(risk.initiatives.all() for risk in risks)
    high_unmitigated = [r for r in risks if r.score >= 15 and not r.mitigation]
    assert len(high_unmitigated) == 1  # for the health check to find
    _, again = seed_demo()
    assert "Nothing was missing" in again
    assert roadmap.milestones.count() == len(milestones) and roadmap.risks.count() == len(risks)
