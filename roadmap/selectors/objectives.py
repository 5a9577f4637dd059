"""Reads of objectives: one for a view (scoped to the caller's agency), or a
roadmap's objectives in full for the roadmap page and the PDF report."""

from django.db.models import Count, F, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.shortcuts import get_object_or_404

from agencies.models import Membership

from ..models import Objective, ObjectiveAlignment, Roadmap
from .roadmaps import roadmap_for


def numbered(objectives: QuerySet[Objective]) -> QuerySet[Objective]:
    """Each objective with its `number` in its roadmap's order ("Mission 3"),
    counted by the database in the same query."""
    return objectives.annotate(number=objective_number())


def objective_number(outer: str = "") -> Subquery:
    """The number of the objective at `outer` ("" for the row itself, "objective__"
    for a KPI's): how many of its roadmap's objectives come before it, plus one."""
    earlier_or_same = (
        Objective.objects.filter(roadmap=OuterRef(f"{outer}roadmap"))
        .filter(
            Q(position__lt=OuterRef(f"{outer}position"))
            | Q(position=OuterRef(f"{outer}position"), pk__lte=OuterRef(f"{outer}pk"))
        )
        .order_by()
        .values("roadmap")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return Subquery(earlier_or_same)


def objectives_in_full(roadmap: Roadmap) -> QuerySet[Objective]:
    """A roadmap's objectives with owner, sponsor, alignments (the roadmap's own
    goals first), KPIs and their measurements."""
    from .kpis import kpis_with_measurements  # kpis imports this module for `kpi_in`

    return (
        roadmap.objectives.all()  # each knows its roadmap: addresses cost no query
        .select_related("owner", "sponsor")
        .prefetch_related(
            Prefetch(
                "alignments",
                queryset=ObjectiveAlignment.objects.select_related("goal").order_by(
                    F("goal__roadmap").asc(nulls_last=True), "goal__position", "goal__pk"
                ),
            ),
            Prefetch("kpis", queryset=kpis_with_measurements().order_by("position", "pk")),
        )
        .order_by("position", "pk")
    )


def objective_for(roadmap: Roadmap, pk: int) -> Objective:
    objective = get_object_or_404(
        numbered(Objective.objects.filter(roadmap=roadmap)).select_related("owner", "sponsor"),
        pk=pk,
    )
    objective.roadmap = roadmap  # already loaded: no query to reach it again
    return objective


def objective_in(membership: Membership, slug: str, pk: int) -> Objective:
    """The objective `pk` of the caller's roadmap `slug`."""
    return objective_for(roadmap_for(membership, slug), pk)


def objective_in_full(roadmap: Roadmap, pk: int) -> Objective:
    """The objective with its owner, alignments, KPIs and measurements, in four queries."""
    objective = get_object_or_404(numbered(objectives_in_full(roadmap)), pk=pk)
    objective.roadmap = roadmap  # already loaded: no query to reach it again
    return objective


def objective_counts(roadmap: Roadmap) -> dict[str, int]:
    """How many objectives the roadmap has, how many are citizen-centric and how
    many have no KPI yet: one query."""
    return roadmap.objectives.aggregate(
        total=Count("pk", distinct=True),
        citizen_centric=Count("pk", filter=Q(citizen_centric=True), distinct=True),
        without_kpis=Count("pk", filter=Q(kpis__isnull=True), distinct=True),
    )
