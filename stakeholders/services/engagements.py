"""Writes to a roadmap's engagement log: interactions with stakeholders and
the follow-up actions they led to. A follow-up is never due before its
interaction (`stakeholders.rules.engagements`), whichever of the two changes."""

from collections.abc import Iterable
from datetime import date

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.db.models import Min
from django.utils import timezone

from roadmap.models import Roadmap
from ui.concurrency import Refused, editor, locked, only_known_fields, save_revised
from ui.ordering import next_position

from ..models import FollowUp, Interaction, Stakeholder
from ..rules.engagements import (
    follow_up_due_problem,
    interaction_date_problem,
    sentiment_problem,
)
from ._checks import check_fields, check_same_roadmap

# What the interaction form edits (besides its stakeholders), in the order it shows them.
INTERACTION_FIELDS = ("occurred_on", "kind", "summary", "sentiment")
# What the follow-up form edits.
FOLLOW_UP_FIELDS = ("action", "owner", "due_on", "done")


def _checked_interaction(
    interaction: Interaction, stakeholders: Iterable[Stakeholder]
) -> list[Stakeholder]:
    interaction.summary = interaction.summary.strip()
    if problem := sentiment_problem(interaction.sentiment):
        raise Refused("sentiment", problem)
    check_fields(interaction, INTERACTION_FIELDS)
    chosen = list(stakeholders)
    if not chosen:
        raise Refused("stakeholders", "Choose at least one stakeholder.")
    check_same_roadmap(
        interaction.roadmap_id,
        "stakeholders",
        "Choose stakeholders and groups of this roadmap.",
        chosen,
    )
    if interaction.pk is not None:
        earliest = interaction.follow_ups.aggregate(earliest=Min("due_on"))["earliest"]
        problem = interaction_date_problem(
            occurred_on=interaction.occurred_on, earliest_due=earliest
        )
        if problem:
            raise Refused("occurred_on", problem)
    return chosen


@transaction.atomic
def interaction_create(
    *,
    roadmap: Roadmap,
    occurred_on: date,
    kind: str,
    summary: str,
    stakeholders: Iterable[Stakeholder],
    sentiment: int = 0,
    by: AbstractBaseUser | None = None,
) -> Interaction:
    interaction = Interaction(
        roadmap=roadmap,
        occurred_on=occurred_on,
        kind=kind,
        summary=summary,
        sentiment=sentiment,
        updated_by=editor(by),
    )
    chosen = _checked_interaction(interaction, stakeholders)
    interaction.save()
    interaction.stakeholders.set(chosen)
    return interaction


@transaction.atomic
def interaction_update(
    *,
    interaction: Interaction,
    revision: int | None = None,
    by: AbstractBaseUser | None = None,
    stakeholders: Iterable[Stakeholder] | None = None,
    **fields,
) -> Interaction:
    """Change the fields given (any of INTERACTION_FIELDS) and, when given, who
    took part. `revision` is the one the user saw."""
    only_known_fields(fields, INTERACTION_FIELDS, "interaction_update")
    for name, value in fields.items():
        setattr(interaction, name, value)
    current = interaction.stakeholders.all() if stakeholders is None else stakeholders
    locked(interaction)  # a follow-up added meanwhile is seen by the date check
    chosen = _checked_interaction(interaction, current)
    save_revised(interaction, fields=INTERACTION_FIELDS, revision=revision, by=by)
    if stakeholders is not None:
        interaction.stakeholders.set(chosen)
    return interaction


@transaction.atomic
def interaction_delete(*, interaction: Interaction) -> None:
    interaction.delete()


def _checked_follow_up(follow_up: FollowUp, occurred_on: date) -> None:
    follow_up.action = follow_up.action.strip()
    check_fields(follow_up, FOLLOW_UP_FIELDS)
    problem = follow_up_due_problem(due_on=follow_up.due_on, occurred_on=occurred_on)
    if problem:
        raise Refused("due_on", problem)
    if follow_up.done and follow_up.done_on is None:
        follow_up.done_on = timezone.localdate()
    if not follow_up.done:
        follow_up.done_on = None


@transaction.atomic
def follow_up_create(
    *,
    interaction: Interaction,
    action: str,
    owner: AbstractBaseUser | None = None,
    due_on: date | None = None,
    done: bool = False,
    by: AbstractBaseUser | None = None,
) -> FollowUp:
    follow_up = FollowUp(
        interaction=interaction,
        action=action,
        owner=owner,
        due_on=due_on,
        done=done,
        updated_by=editor(by),
    )
    # Locked: the interaction's date cannot move under a follow-up being added.
    current = locked(interaction)
    _checked_follow_up(follow_up, current.occurred_on)
    follow_up.position = next_position(interaction.follow_ups.all())
    follow_up.save()
    return follow_up


@transaction.atomic
def follow_up_update(
    *,
    follow_up: FollowUp,
    revision: int | None = None,
    by: AbstractBaseUser | None = None,
    **fields,
) -> FollowUp:
    """Change the fields given (any of FOLLOW_UP_FIELDS); ticking "done" records today."""
    only_known_fields(fields, FOLLOW_UP_FIELDS, "follow_up_update")
    for name, value in fields.items():
        setattr(follow_up, name, value)
    current = locked(follow_up.interaction)
    _checked_follow_up(follow_up, current.occurred_on)
    save_revised(follow_up, fields=(*FOLLOW_UP_FIELDS, "done_on"), revision=revision, by=by)
    return follow_up


@transaction.atomic
def follow_up_delete(*, follow_up: FollowUp) -> None:
    follow_up.delete()
