"""The communication plan as an iCalendar feed (RFC 5545), built with the
`icalendar` library.

Each occurrence is an all-day event of its own: a one-off item on its date, a
recurring item on each date `stakeholders.rules.communications.occurrences`
gives up to the end of the roadmap's horizon (the same dates the plan's page
names, so the two never disagree; an RRULE would put a monthly item planned
for the 31st in different months than the page does). UIDs are stable: the
item and the date (`communication-12-20270315@<agency>.roadmap-planner`).
Cancelled items stay, with STATUS:CANCELLED, so a calendar that has them
takes them off; done ones are CONFIRMED. Only what members see is in it:
purpose, key message, channel, audience names, owner, what it is about, and
a link to the plan; never a stakeholder's contact details."""

from datetime import UTC, datetime, timedelta

from icalendar import Calendar, Event

from roadmap.models import Roadmap
from ui.formatting import format_date

from ..models import CommunicationItem, CommunicationStatus
from ..rules.communications import occurrences
from .communications import feed_items, horizon_end

STATUS = {
    CommunicationStatus.PLANNED: "TENTATIVE",
    CommunicationStatus.DONE: "CONFIRMED",
    CommunicationStatus.CANCELLED: "CANCELLED",
}


def person(user) -> str:
    return (user.get_full_name() or user.get_username()) if user else "No owner yet"


def _description(item: CommunicationItem, plan_url: str) -> str:
    audience = ", ".join(s.name for s in item.audience.all()) or "No audience chosen yet"
    lines = [
        item.key_message,
        f"Channel: {item.get_channel_display()}",
        f"Frequency: {item.get_frequency_display()}"
        + ("" if item.frequency == "once" else f", from {format_date(item.planned_on)}"),
        f"Audience: {audience}",
        f"Owner: {person(item.owner)}",
        f"Status: {item.get_status_display()}",
    ]
    if item.initiative:
        lines.append(f"About the initiative: {item.initiative.title}")
    if item.milestone:
        lines.append(f"About the milestone: {item.milestone.title}")
    lines.append(f"The plan: {plan_url}")
    return "\n".join(line for line in lines if line)


def plan_as_ical(roadmap: Roadmap, *, plan_url: str) -> bytes:
    """The roadmap's communication plan as an .ics file: two queries."""
    calendar = Calendar()
    calendar.add("prodid", "-//Roadmap planner//Communication plan//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", f"Communication plan: {roadmap.title}")
    domain = f"{roadmap.organisation.slug}.roadmap-planner"
    until = horizon_end(roadmap)
    for item in feed_items(roadmap):
        description = _description(item, plan_url)
        stamp = (item.updated_at or datetime.now(UTC)).astimezone(UTC)
        for day in occurrences(item.planned_on, item.frequency, until=until):
            event = Event()
            event.add("uid", f"communication-{item.pk}-{day:%Y%m%d}@{domain}")
            event.add("dtstamp", stamp)
            event.add("dtstart", day)
            event.add("dtend", day + timedelta(days=1))
            event.add("summary", item.purpose)
            event.add("description", description)
            event.add("status", STATUS[item.status])
            event.add("transp", "TRANSPARENT")  # a reminder, not time taken
            event.add("url", plan_url)
            calendar.add_component(event)
    return calendar.to_ical()
