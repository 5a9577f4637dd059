"""Fetch one object for a view, always inside the caller's agency: 404 otherwise."""

from django.shortcuts import get_object_or_404

from agencies.access import in_agency
from agencies.models import Membership

from ..models import (
    KPI,
    GuidingPrinciple,
    Measurement,
    Objective,
    ObjectiveAlignment,
    OrganisationalGoal,
    Roadmap,
)


def roadmap_for(membership: Membership, slug: str) -> Roadmap:
    return get_object_or_404(
        in_agency(Roadmap.objects.select_related("organisation"), membership), slug=slug
    )


def objective_for(roadmap: Roadmap, pk: int) -> Objective:
    objective = get_object_or_404(
        Objective.objects.filter(roadmap=roadmap).select_related("owner"), pk=pk
    )
    objective.roadmap = roadmap  # already loaded: no query to reach it again
    return objective


def objective_in(membership: Membership, slug: str, pk: int) -> Objective:
    """The objective `pk` of the caller's roadmap `slug`."""
    return objective_for(roadmap_for(membership, slug), pk)


def principle_for(roadmap: Roadmap, pk: int) -> GuidingPrinciple:
    return get_object_or_404(GuidingPrinciple.objects.filter(roadmap=roadmap), pk=pk)


def goal_for(membership: Membership, pk: int) -> OrganisationalGoal:
    return get_object_or_404(in_agency(OrganisationalGoal.objects.all(), membership), pk=pk)


def alignment_for(objective: Objective, pk: int) -> ObjectiveAlignment:
    return get_object_or_404(
        ObjectiveAlignment.objects.filter(objective=objective).select_related("goal"), pk=pk
    )


def kpi_for(objective: Objective, pk: int) -> KPI:
    kpi = get_object_or_404(KPI.objects.filter(objective=objective).select_related("owner"), pk=pk)
    kpi.objective = objective
    return kpi


def kpi_in(membership: Membership, slug: str, pk: int, kpi_pk: int) -> KPI:
    """The KPI `kpi_pk` of the caller's objective `pk` of roadmap `slug`."""
    return kpi_for(objective_in(membership, slug, pk), kpi_pk)


def measurement_for(kpi: KPI, pk: int) -> Measurement:
    return get_object_or_404(Measurement.objects.filter(kpi=kpi), pk=pk)
