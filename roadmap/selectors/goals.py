"""Reads of goals: the agency's shared ones and a roadmap's own, each scoped so a
roadmap's goal never reaches another roadmap, nor any goal another agency."""

from django.db.models import F, Q, QuerySet
from django.shortcuts import get_object_or_404

from agencies.access import in_agency
from agencies.models import Membership

from ..models import OrganisationalGoal, Roadmap


def goal_for(membership: Membership, pk: int) -> OrganisationalGoal:
    """One of the agency's shared goals (a roadmap's own goal is not one)."""
    goals = in_agency(
        OrganisationalGoal.objects.filter(roadmap=None).select_related("organisation"),
        membership,
    )
    return get_object_or_404(goals, pk=pk)


def roadmap_goal_for(roadmap: Roadmap, pk: int) -> OrganisationalGoal:
    goal = get_object_or_404(roadmap.own_goals.all(), pk=pk)
    goal.organisation = roadmap.organisation  # already loaded: no query to reach it
    return goal


def goals_open_to(roadmap: Roadmap) -> QuerySet[OrganisationalGoal]:
    """The goals `roadmap`'s objectives may serve: its own first, then the agency's
    shared ones, each in their order."""
    return OrganisationalGoal.objects.filter(
        Q(roadmap=roadmap) | Q(roadmap=None), organisation_id=roadmap.organisation_id
    ).order_by(F("roadmap").asc(nulls_last=True), "position", "pk")
