"""Writes to an agency's organisational goals."""

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from agencies.models import Organisation
from ui.concurrency import editor, locked, save_revised, unique_or_refused
from ui.ordering import Move, MoveResult, MoveTo, move_in_list, next_position

from ..models import OrganisationalGoal
from ._checks import check_fields

FIELDS = ("title", "description")
DUPLICATE = "Your agency already has that goal."


@transaction.atomic
def goal_create(
    *,
    organisation: Organisation,
    title: str,
    description: str = "",
    by: AbstractBaseUser | None = None,
) -> OrganisationalGoal:
    locked(organisation)  # two editors adding at once get distinct positions
    goal = OrganisationalGoal(
        organisation=organisation,
        title=title.strip(),
        description=description,
        position=next_position(organisation.goals.all()),
        updated_by=editor(by),
    )
    check_fields(goal, FIELDS)
    with unique_or_refused("title", DUPLICATE):
        goal.save()
    return goal


@transaction.atomic
def goal_update(
    *,
    goal: OrganisationalGoal,
    title: str,
    description: str,
    revision: int | None = None,
    by: AbstractBaseUser | None = None,
) -> OrganisationalGoal:
    """`revision` is the one the user saw: a save over a later one is refused."""
    goal.title = title.strip()
    goal.description = description
    check_fields(goal, FIELDS)
    save_revised(goal, fields=FIELDS, revision=revision, by=by, unique=("title", DUPLICATE))
    return goal


def goal_move(*, goal: OrganisationalGoal, move: Move | MoveTo) -> MoveResult:
    return move_in_list(
        item=goal,
        siblings=OrganisationalGoal.objects.filter(organisation_id=goal.organisation_id),
        move=move,
        parent=Organisation(pk=goal.organisation_id),
    )


@transaction.atomic
def goal_delete(*, goal: OrganisationalGoal) -> None:
    goal.delete()
