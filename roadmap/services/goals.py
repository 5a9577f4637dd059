"""Writes to goals: the agency's shared organisational goals, and a roadmap's
own goals (its aims, which only its objectives serve)."""

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from agencies.models import Organisation
from ui.concurrency import Refused, editor, locked, save_revised, unique_or_refused
from ui.ordering import Move, MoveResult, MoveTo, move_in_list, next_position

from ..models import OrganisationalGoal, Roadmap
from ._checks import check_fields

FIELDS = ("title", "description")
DUPLICATE = "Your agency already has that goal."
DUPLICATE_IN_ROADMAP = "This roadmap already has that goal."
SHARED_ALREADY = "Your agency already shares that goal with all its roadmaps: align to it instead."


def _checked(goal: OrganisationalGoal) -> None:
    check_fields(goal, FIELDS)
    if goal.roadmap_id is not None:
        shared = OrganisationalGoal.objects.filter(
            organisation_id=goal.organisation_id, roadmap=None, title__iexact=goal.title
        )
        if shared.exists():
            raise Refused("title", SHARED_ALREADY)


@transaction.atomic
def goal_create(
    *,
    organisation: Organisation,
    title: str,
    description: str = "",
    roadmap: Roadmap | None = None,
    by: AbstractBaseUser | None = None,
) -> OrganisationalGoal:
    """A shared goal of the agency, or with `roadmap` a goal of that roadmap only."""
    parent = roadmap or organisation
    locked(parent)  # two editors adding at once get distinct positions
    siblings = OrganisationalGoal.objects.filter(organisation=organisation, roadmap=roadmap)
    goal = OrganisationalGoal(
        organisation=organisation,
        roadmap=roadmap,
        title=title.strip(),
        description=description,
        position=next_position(siblings),
        updated_by=editor(by),
    )
    _checked(goal)
    with unique_or_refused("title", DUPLICATE_IN_ROADMAP if roadmap else DUPLICATE):
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
    _checked(goal)
    duplicate = DUPLICATE_IN_ROADMAP if goal.roadmap_id else DUPLICATE
    save_revised(goal, fields=FIELDS, revision=revision, by=by, unique=("title", duplicate))
    return goal


def goal_move(*, goal: OrganisationalGoal, move: Move | MoveTo) -> MoveResult:
    parent = (
        Roadmap(pk=goal.roadmap_id) if goal.roadmap_id else Organisation(pk=goal.organisation_id)
    )
    return move_in_list(
        item=goal,
        siblings=OrganisationalGoal.objects.filter(
            organisation_id=goal.organisation_id, roadmap_id=goal.roadmap_id
        ),
        move=move,
        parent=parent,
    )


@transaction.atomic
def goal_delete(*, goal: OrganisationalGoal) -> None:
    goal.delete()


# A roadmap's own goals, in the names its inline list (views/goals.py) calls.


def roadmap_goal_create(
    *, roadmap: Roadmap, title: str, description: str = "", by: AbstractBaseUser | None = None
) -> OrganisationalGoal:
    return goal_create(
        organisation=roadmap.organisation,
        roadmap=roadmap,
        title=title,
        description=description,
        by=by,
    )


def roadmap_goal_update(
    *,
    roadmap_goal: OrganisationalGoal,
    title: str,
    description: str,
    revision: int | None = None,
    by: AbstractBaseUser | None = None,
) -> OrganisationalGoal:
    return goal_update(
        goal=roadmap_goal, title=title, description=description, revision=revision, by=by
    )


def roadmap_goal_move(*, roadmap_goal: OrganisationalGoal, move: Move | MoveTo) -> MoveResult:
    return goal_move(goal=roadmap_goal, move=move)


def roadmap_goal_delete(*, roadmap_goal: OrganisationalGoal) -> None:
    goal_delete(goal=roadmap_goal)
