"""Reads of a roadmap's communication plan: the plan by month for its page, one
item, and a member's calendar feed, each in a fixed number of queries."""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404

from agencies.models import Membership
from roadmap.models import Roadmap

from ..models import CalendarFeed, CommunicationItem, Stakeholder
from ..rules.communications import ONCE, is_overdue, month_start, occurrences

# How many of a recurring item's next dates its row names.
NEXT_SHOWN = 3


def horizon_end(roadmap: Roadmap) -> date:
    """The last day of the roadmap's horizon: recurring items stop there."""
    return date(roadmap.horizon_end_year, 12, 31)


def _items(roadmap: Roadmap):
    """The roadmap's items with what their rows show: two queries."""
    return roadmap.communications.select_related(
        "owner", "initiative", "milestone", "milestone__initiative"
    ).prefetch_related(
        Prefetch("audience", queryset=Stakeholder.objects.order_by("kind", "name", "pk"))
    )


def _knowing(roadmap: Roadmap, items) -> list[CommunicationItem]:
    items = list(items)
    for item in items:
        item.roadmap = roadmap
        for related in (item.initiative, item.milestone):
            if related is not None:
                related.roadmap = roadmap
    return items


def communication_for(roadmap: Roadmap, pk: int) -> CommunicationItem:
    return _knowing(roadmap, [get_object_or_404(_items(roadmap), pk=pk)])[0]


@dataclass
class PlanMonth:
    month: date  # its first day
    items: list[CommunicationItem] = field(default_factory=list)


def describe(item: CommunicationItem, *, today: date, until: date) -> CommunicationItem:
    """Mark `item` with what its row says: `overdue`, `next_dates` (a recurring
    item's next occurrences from this month on), `more_dates` (how many after
    those) and `month` (where the plan lists it)."""
    item.overdue = is_overdue(
        status=item.status, frequency=item.frequency, planned_on=item.planned_on, today=today
    )
    if item.frequency == ONCE:
        item.next_dates, item.more_dates = [], 0
        item.month = month_start(item.planned_on)
        item.coming = item.overdue or item.planned_on >= month_start(today)
        return item
    upcoming = occurrences(item.planned_on, item.frequency, until=until, since=month_start(today))
    item.next_dates = upcoming[:NEXT_SHOWN]
    item.more_dates = max(0, len(upcoming) - NEXT_SHOWN)
    item.month = month_start(upcoming[0] if upcoming else item.planned_on)
    item.coming = bool(upcoming)
    return item


def communication_plan(
    roadmap: Roadmap,
    *,
    today: date,
    everything: bool = False,
    state: str = "",
    channel: str = "",
) -> list[PlanMonth]:
    """The plan by month: each item once, under the month of its date (a
    recurring one under the month of its next occurrence). From this month on,
    with overdue items first, unless `everything`. `state` is a status or
    "overdue"; `channel` a channel. Two queries."""
    items = _items(roadmap)
    if state and state != "overdue":
        items = items.filter(status=state)
    if channel:
        items = items.filter(channel=channel)
    until = horizon_end(roadmap)
    described = [describe(item, today=today, until=until) for item in _knowing(roadmap, items)]
    if state == "overdue":
        described = [item for item in described if item.overdue]
    if not everything:
        described = [item for item in described if item.coming]
    months: dict[date, PlanMonth] = {}
    for item in sorted(
        described,
        key=lambda i: (i.month, (i.next_dates or [i.planned_on])[0], i.position, i.pk),
    ):
        months.setdefault(item.month, PlanMonth(item.month)).items.append(item)
    return list(months.values())


def feed_of(roadmap: Roadmap, user) -> CalendarFeed | None:
    return CalendarFeed.objects.filter(roadmap=roadmap, user=user).first()


def feed_for_token(token: str) -> CalendarFeed:
    """The feed a secret address names, while its user is an active member of
    the roadmap's agency: otherwise 404 (a reset token, a former member)."""
    feed = (
        CalendarFeed.objects.select_related("roadmap__organisation", "user")
        .filter(token=token, user__is_active=True)
        .first()
    )
    if (
        feed is None
        or not Membership.objects.filter(
            user=feed.user_id, organisation=feed.roadmap.organisation_id
        ).exists()
    ):
        raise Http404("No such calendar.")
    return feed


def feed_items(roadmap: Roadmap) -> list[CommunicationItem]:
    """Every item of the plan, for the calendar feed: two queries."""
    return _knowing(roadmap, _items(roadmap))
