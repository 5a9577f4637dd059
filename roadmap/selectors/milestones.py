"""Reads of a roadmap's milestones, for their page and an initiative's page, in a
fixed number of queries."""

from django.shortcuts import get_object_or_404

from ..models import Initiative, Milestone, Roadmap
from .addresses import addresses_in, row_actions


def _knowing(roadmap: Roadmap, milestones) -> list[Milestone]:
    """Each milestone, and its initiative, told its roadmap: addresses cost no query."""
    milestones = list(milestones)
    for milestone in milestones:
        milestone.roadmap = roadmap
        if milestone.initiative is not None:
            milestone.initiative.roadmap = roadmap
    return milestones


def milestones_of(roadmap: Roadmap) -> list[Milestone]:
    """The roadmap's milestones by due date, each with its initiative, the address
    of the initiative's page (`initiative_url`) and its row's `actions`: one
    query, and the addresses reversed once for the whole list (addresses.py)."""
    milestones = _knowing(
        roadmap,
        roadmap.milestones.select_related("initiative").order_by("due_date", "position", "pk"),
    )
    initiative_url = addresses_in(roadmap, "roadmap:initiative-detail")
    actions = row_actions(roadmap, Milestone.url_name)
    for milestone in milestones:
        milestone.initiative_url = milestone.initiative and initiative_url(milestone.initiative_id)
        milestone.actions = actions(milestone.pk)
    return milestones


def milestones_of_initiative(initiative: Initiative) -> list[Milestone]:
    """An initiative's own milestones by due date: one query."""
    milestones = list(initiative.milestones.order_by("due_date", "position", "pk"))
    for milestone in milestones:
        milestone.roadmap = initiative.roadmap
        milestone.initiative = initiative
    return milestones


def milestone_for(roadmap: Roadmap, pk: int) -> Milestone:
    milestone = get_object_or_404(roadmap.milestones.select_related("initiative"), pk=pk)
    return _knowing(roadmap, [milestone])[0]
