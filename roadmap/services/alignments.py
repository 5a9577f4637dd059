"""Writes to an objective's alignments with the agency's goals."""

from django.db import transaction

from ui.concurrency import Refused, unique_or_refused

from ..models import Objective, ObjectiveAlignment, OrganisationalGoal
from ._checks import check_fields


@transaction.atomic
def objective_align(
    *, objective: Objective, goal: OrganisationalGoal, rationale: str
) -> ObjectiveAlignment:
    if goal.organisation_id != objective.roadmap.organisation_id or goal.roadmap_id not in (
        None,
        objective.roadmap_id,
    ):
        raise Refused("goal", "Choose one of your agency's goals or this roadmap's own.")
    alignment = ObjectiveAlignment(objective=objective, goal=goal, rationale=rationale)
    check_fields(alignment, ("rationale",))
    with unique_or_refused("goal", "This objective already serves that goal."):
        alignment.save()
    return alignment


@transaction.atomic
def alignment_delete(*, alignment: ObjectiveAlignment) -> None:
    alignment.delete()
