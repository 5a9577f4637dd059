"""Reads of an agency's organisational goals."""

from django.shortcuts import get_object_or_404

from agencies.access import in_agency
from agencies.models import Membership

from ..models import OrganisationalGoal


def goal_for(membership: Membership, pk: int) -> OrganisationalGoal:
    goals = in_agency(OrganisationalGoal.objects.select_related("organisation"), membership)
    return get_object_or_404(goals, pk=pk)
