"""What the roadmap knows for its health checks (roadmap/rules/health.py), read
in a fixed number of queries: its initiatives, objectives and schedule
conflicts as the rules' plain facts, and where each thing's page is."""

from dataclasses import dataclass, field

from django.db.models import Count

from ..models import Initiative, Objective, Risk, Roadmap
from ..rules.health import InitiativeFacts, ObjectiveFacts, RiskFacts
from ..rules.schedule import Conflict, Span, conflicts


@dataclass(frozen=True)
class RoadmapFacts:
    initiatives: list[InitiativeFacts]
    objectives: list[ObjectiveFacts]
    risks: list[RiskFacts]
    conflicts: list[Conflict]
    # (kind, key) -> the page where it is fixed: ("initiative", 12) -> its address.
    addresses: dict[tuple[str, object], str] = field(default_factory=dict)


def health_facts(roadmap: Roadmap) -> RoadmapFacts:
    initiatives = list(
        Initiative.objects.filter(roadmap=roadmap)
        .annotate(objective_count=Count("objectives", distinct=True))
        .only("pk", "title", "status", "start_month", "end_month", "funding_status", "roadmap")
    )
    objectives = list(
        Objective.objects.filter(roadmap=roadmap)
        .annotate(
            initiative_count=Count("initiatives", distinct=True),
            kpi_count=Count("kpis", distinct=True),
        )
        .only("pk", "title", "roadmap")
    )
    edges = list(
        Initiative.depends_on.through.objects.filter(initiative__roadmap=roadmap).values_list(
            "initiative_id", "prerequisite_id"
        )
    )
    risks = list(
        Risk.objects.filter(roadmap=roadmap).only(
            "pk", "title", "likelihood", "impact", "mitigation", "status", "roadmap"
        )
    )
    spans = {i.pk: Span(i.start_month, i.end_month) for i in initiatives}
    addresses: dict[tuple[str, object], str] = {}
    for initiative in initiatives:
        initiative.roadmap = roadmap  # addresses without a query each
        addresses[("initiative", initiative.pk)] = initiative.get_absolute_url()
    for objective in objectives:
        objective.roadmap = roadmap
        addresses[("objective", objective.pk)] = objective.get_absolute_url()
    for risk in risks:
        risk.roadmap = roadmap
        addresses[("risk", risk.pk)] = risk.get_absolute_url()
    for dependant, prerequisite in edges:
        addresses[("dependency", (dependant, prerequisite))] = (
            addresses[("initiative", dependant)] + "#dependencies"
        )
    return RoadmapFacts(
        initiatives=[
            InitiativeFacts(
                key=i.pk,
                title=i.title,
                status=i.status,
                start=i.start_month,
                end=i.end_month,
                objective_count=i.objective_count,
                funding_status=i.funding_status,
                objective_noun=roadmap.objective_words.lower,
            )
            for i in initiatives
        ],
        objectives=[
            ObjectiveFacts(
                key=o.pk,
                title=o.title,
                initiative_count=o.initiative_count,
                kpi_count=o.kpi_count,
                noun=roadmap.objective_words.lower,
            )
            for o in objectives
        ],
        risks=[
            RiskFacts(
                key=risk.pk,
                title=risk.title,
                score=risk.score,
                mitigation=risk.mitigation,
                status=risk.status,
            )
            for risk in risks
        ],
        conflicts=conflicts(spans, edges),
        addresses=addresses,
    )
