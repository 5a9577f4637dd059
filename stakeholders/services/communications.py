"""Writes to a roadmap's communication plan, and to members' calendar feeds."""

from collections.abc import Iterable
from datetime import date

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from roadmap.models import Initiative, Milestone, Roadmap
from ui.concurrency import editor, locked, only_known_fields, save_revised
from ui.ordering import next_position

from ..models import (
    CalendarFeed,
    CommunicationItem,
    CommunicationStatus,
    Frequency,
    Stakeholder,
)
from ..models.communications import new_feed_token
from ._checks import check_fields, check_same_roadmap

# What the communication form edits (besides its audience), in the order it shows them.
FIELDS = (
    "purpose",
    "key_message",
    "channel",
    "frequency",
    "owner",
    "planned_on",
    "status",
    "initiative",
    "milestone",
)


def _checked(item: CommunicationItem, audience: Iterable[Stakeholder]) -> list[Stakeholder]:
    """The rules a form applies, for any caller."""
    item.purpose = item.purpose.strip()
    check_fields(item, FIELDS)
    audience = list(audience)
    check_same_roadmap(
        item.roadmap_id, "audience", "Choose stakeholders and groups of this roadmap.", audience
    )
    check_same_roadmap(
        item.roadmap_id, "initiative", "Choose an initiative of this roadmap.", [item.initiative]
    )
    check_same_roadmap(
        item.roadmap_id, "milestone", "Choose a milestone of this roadmap.", [item.milestone]
    )
    return audience


@transaction.atomic
def communication_create(
    *,
    roadmap: Roadmap,
    purpose: str,
    channel: str,
    planned_on: date,
    key_message: str = "",
    frequency: str = Frequency.ONCE,
    owner: AbstractBaseUser | None = None,
    status: str = CommunicationStatus.PLANNED,
    initiative: Initiative | None = None,
    milestone: Milestone | None = None,
    audience: Iterable[Stakeholder] = (),
    by: AbstractBaseUser | None = None,
) -> CommunicationItem:
    item = CommunicationItem(
        roadmap=roadmap,
        purpose=purpose,
        key_message=key_message,
        channel=channel,
        frequency=frequency,
        owner=owner,
        planned_on=planned_on,
        status=status,
        initiative=initiative,
        milestone=milestone,
        updated_by=editor(by),
    )
    chosen = _checked(item, audience)
    locked(roadmap)  # two editors adding at once get distinct positions
    item.position = next_position(roadmap.communications.all())
    item.save()
    item.audience.set(chosen)
    return item


@transaction.atomic
def communication_update(
    *,
    communication: CommunicationItem,
    revision: int | None = None,
    by: AbstractBaseUser | None = None,
    audience: Iterable[Stakeholder] | None = None,
    **fields,
) -> CommunicationItem:
    """Change the fields given (any of FIELDS) and, when given, the audience.
    `revision` is the one the user saw: a save over a later one is refused."""
    only_known_fields(fields, FIELDS, "communication_update")
    for name, value in fields.items():
        setattr(communication, name, value)
    current = communication.audience.all() if audience is None else audience
    chosen = _checked(communication, current)
    save_revised(communication, fields=FIELDS, revision=revision, by=by)
    if audience is not None:
        communication.audience.set(chosen)
    return communication


@transaction.atomic
def communication_delete(*, communication: CommunicationItem) -> None:
    communication.delete()


@transaction.atomic
def calendar_feed_create(*, roadmap: Roadmap, user: AbstractBaseUser) -> CalendarFeed:
    """The member's feed of this roadmap's plan: their existing one, or a new one."""
    feed, _ = CalendarFeed.objects.get_or_create(roadmap=roadmap, user=user)
    return feed


@transaction.atomic
def calendar_feed_reset(*, feed: CalendarFeed) -> CalendarFeed:
    """A new secret address: the old one stops working at once."""
    feed.token = new_feed_token()
    feed.save(update_fields=["token"])
    return feed
