"""Writes to an agency's organisational goals."""

from django.db import transaction

from agencies.models import Organisation
from ui.ordering import Move, MoveResult, move_in_list, next_position

from ..models import OrganisationalGoal


@transaction.atomic
def goal_create(
    *, organisation: Organisation, title: str, description: str = ""
) -> OrganisationalGoal:
    Organisation.objects.select_for_update().filter(pk=organisation.pk).first()
    return OrganisationalGoal.objects.create(
        organisation=organisation,
        title=title,
        description=description,
        position=next_position(organisation.goals.all()),
    )


@transaction.atomic
def goal_update(*, goal: OrganisationalGoal, title: str, description: str) -> OrganisationalGoal:
    goal.title = title
    goal.description = description
    goal.save(update_fields=["title", "description"])
    return goal


def goal_move(*, goal: OrganisationalGoal, move: Move) -> MoveResult:
    return move_in_list(
        item=goal,
        siblings=OrganisationalGoal.objects.filter(organisation_id=goal.organisation_id),
        move=move,
    )


@transaction.atomic
def goal_delete(*, goal: OrganisationalGoal) -> None:
    goal.delete()  # its alignments go with it
