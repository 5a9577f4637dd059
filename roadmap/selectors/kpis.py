"""Reads of KPIs, with their measurements in a fixed number of queries."""

from django.db.models import Prefetch, QuerySet
from django.shortcuts import get_object_or_404

from agencies.models import Membership

from ..models import KPI, Measurement, Objective, Roadmap
from .objectives import objective_in, objective_number


def kpi_for(objective: Objective, pk: int) -> KPI:
    kpi = get_object_or_404(KPI.objects.filter(objective=objective).select_related("owner"), pk=pk)
    kpi.objective = objective
    return kpi


def kpi_in(membership: Membership, slug: str, pk: int, kpi_pk: int) -> KPI:
    """The KPI `kpi_pk` of the caller's objective `pk` of roadmap `slug`."""
    return kpi_for(objective_in(membership, slug, pk), kpi_pk)


def kpis_with_measurements() -> QuerySet[KPI]:
    return KPI.objects.select_related("owner").prefetch_related(
        Prefetch("measurements", queryset=Measurement.objects.order_by("date", "pk"))
    )


def kpi_in_full(objective: Objective, kpi_pk: int) -> KPI:
    """The KPI with its owner and its measurements, each with who entered it."""
    kpi = get_object_or_404(
        kpis_with_measurements()
        .filter(objective=objective)
        .prefetch_related("measurements__entered_by"),
        pk=kpi_pk,
    )
    kpi.objective = objective
    return kpi


def kpis_of_roadmap(roadmap: Roadmap) -> list[KPI]:
    """Every KPI of the roadmap with its objective (numbered: "Mission 2") and
    measurements, in the order of the objectives and then of each objective's
    KPIs: two queries however many."""
    kpis = list(
        kpis_with_measurements()
        .filter(objective__roadmap=roadmap)
        .select_related("objective")
        .annotate(objective_number=objective_number("objective__"))
        .order_by("objective__position", "objective__pk", "position", "pk")
    )
    for kpi in kpis:
        kpi.objective.roadmap = roadmap  # already loaded: addresses cost no query
        kpi.objective.number = kpi.objective_number
    return kpis
