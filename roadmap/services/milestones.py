"""Writes to a roadmap's milestones: of one initiative, or of the roadmap as a
whole; due on a day or in a month; done, and when.

A milestone outside its initiative's months is allowed (plans move): the
pages show a warning beside it (`roadmap.rules.milestones.outside_warning`).
"""

from datetime import date

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone

from ui.concurrency import Refused, editor, locked, only_known_fields, save_revised
from ui.ordering import next_position

from ..models import DuePrecision, Initiative, Milestone, Roadmap
from ..rules.milestones import done_on_problem
from ._checks import check_fields

# What the milestone form edits, in the order it shows them.
FIELDS = ("title", "initiative", "due_date", "due_precision", "done", "done_on")


def _checked(milestone: Milestone) -> None:
    """The rules a form applies, for any caller."""
    milestone.title = milestone.title.strip()
    if milestone.due_precision == DuePrecision.MONTH and milestone.due_date:
        milestone.due_date = milestone.due_date.replace(day=1)
    if not milestone.done:
        milestone.done_on = None
    check_fields(milestone, FIELDS)
    if milestone.initiative is not None and milestone.initiative.roadmap_id != milestone.roadmap_id:
        raise Refused("initiative", "Choose an initiative of this roadmap.")
    problem = done_on_problem(
        done=milestone.done, done_on=milestone.done_on, today=timezone.localdate()
    )
    if problem:
        raise Refused("done_on", problem)


@transaction.atomic
def milestone_create(
    *,
    roadmap: Roadmap,
    title: str,
    due_date: date,
    due_precision: str = DuePrecision.DAY,
    initiative: Initiative | None = None,
    done: bool = False,
    done_on: date | None = None,
    by: AbstractBaseUser | None = None,
) -> Milestone:
    milestone = Milestone(
        roadmap=roadmap,
        initiative=initiative,
        title=title,
        due_date=due_date,
        due_precision=due_precision,
        done=done,
        done_on=done_on,
        updated_by=editor(by),
    )
    _checked(milestone)
    locked(roadmap)  # two editors adding at once get distinct positions
    milestone.position = next_position(roadmap.milestones.all())
    milestone.save()
    return milestone


@transaction.atomic
def milestone_update(
    *,
    milestone: Milestone,
    revision: int | None = None,
    by: AbstractBaseUser | None = None,
    **fields,
) -> Milestone:
    """Change the fields given (any of FIELDS). `revision` is the one the user
    saw: a save over a later one is refused."""
    only_known_fields(fields, FIELDS, "milestone_update")
    for name, value in fields.items():
        setattr(milestone, name, value)
    _checked(milestone)
    save_revised(milestone, fields=FIELDS, revision=revision, by=by)
    return milestone


@transaction.atomic
def milestone_delete(*, milestone: Milestone) -> None:
    milestone.delete()
