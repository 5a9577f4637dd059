"""The report's communication plan: what is planned for the next two quarters
from the report's "as at" date (the month it falls in and the five after it),
grouped by month. Cancelled items are left out. A recurring item shows in
each month it happens, with its dates there. The audience is named as the
person exporting chose: groups by name; individuals by name only when
`options.name_individuals`, otherwise by their role (or level)."""

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import Prefetch

from roadmap.models import Roadmap
from stakeholders.models import CommunicationItem, CommunicationStatus, Stakeholder
from stakeholders.rules.communications import add_months, month_start, occurrences
from stakeholders.selectors.communications import horizon_end

from ..options import ReportOptions

MONTHS_AHEAD = 6  # two quarters


@dataclass
class ReportCommunication:
    item: CommunicationItem
    days: list[date]
    audience: str


@dataclass
class ReportMonth:
    month: date
    communications: list[ReportCommunication] = field(default_factory=list)


def audience_name(stakeholder: Stakeholder, *, name_individuals: bool) -> str:
    if stakeholder.is_group or name_individuals:
        return stakeholder.name
    return stakeholder.role or stakeholder.get_level_display()


def report_communications(roadmap: Roadmap, options: ReportOptions) -> dict:
    """The plan's next two quarters: two queries."""
    first = month_start(options.as_at)
    last = add_months(first, MONTHS_AHEAD) - timedelta(days=1)
    until = min(last, horizon_end(roadmap))
    items = (
        roadmap.communications.exclude(status=CommunicationStatus.CANCELLED)
        .select_related("initiative", "milestone")
        .prefetch_related(
            Prefetch("audience", queryset=Stakeholder.objects.order_by("kind", "name", "pk"))
        )
    )
    months = {add_months(first, n): ReportMonth(add_months(first, n)) for n in range(MONTHS_AHEAD)}
    for item in items:
        if item.frequency == "once":
            days = [item.planned_on] if first <= item.planned_on <= last else []
        else:
            days = occurrences(item.planned_on, item.frequency, until=until, since=first)
        if not days:
            continue
        names = [
            audience_name(s, name_individuals=options.name_individuals) for s in item.audience.all()
        ]
        audience = ", ".join(dict.fromkeys(names)) or "Not chosen yet"
        for day in days:
            month = months[month_start(day)]
            if month.communications and month.communications[-1].item.pk == item.pk:
                month.communications[-1].days.append(day)
            else:
                month.communications.append(ReportCommunication(item, [day], audience))
    for month in months.values():
        month.communications.sort(key=lambda c: (c.days[0], c.item.position, c.item.pk))
    return {
        "first": first,
        "last": last,
        "months": list(months.values()),
        "count": len({c.item.pk for m in months.values() for c in m.communications}),
        "name_individuals": options.name_individuals,
    }
