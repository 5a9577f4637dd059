"""When a communication happens, and whether it is overdue.

A communication item is one series. A one-off ("once") item happens on its
planned date. A recurring item (weekly, monthly, quarterly) happens first on
its planned date and then every week, month or three months until the end of
the roadmap's horizon; a monthly or quarterly item planned for the 31st falls
on the last day of a shorter month (30 April, 28 February). Its status is the
series': planned (still running), done (finished) or cancelled (stopped).

Only a one-off item can be overdue: planned, and its date has passed. A
recurring series has no single date to miss; the plan shows its next
occurrences instead, and the calendar feed each occurrence as its own event.
"""

from collections.abc import Iterator
from datetime import date, timedelta

from ui.periods import add_months

ONCE, WEEKLY, MONTHLY, QUARTERLY = "once", "weekly", "monthly", "quarterly"
PLANNED = "planned"
MONTHS_APART = {MONTHLY: 1, QUARTERLY: 3}
# A series never yields more than this (a weekly item over a 20-year horizon is ~1,000).
MAX_OCCURRENCES = 1200


def _series(first: date, frequency: str) -> Iterator[date]:
    if frequency == WEEKLY:
        for n in range(MAX_OCCURRENCES):
            yield first + timedelta(weeks=n)
    elif frequency in MONTHS_APART:
        # Counted from the first date each time, so 31 Jan, 28 Feb, 31 Mar (never 28 Mar).
        for n in range(MAX_OCCURRENCES):
            yield add_months(first, n * MONTHS_APART[frequency])
    else:
        yield first


def occurrences(
    first: date, frequency: str, *, until: date, since: date | None = None
) -> list[date]:
    """The dates a communication happens, from `first` to `until` (both included),
    leaving out those before `since`. A one-off item happens on `first` even after
    `until` (a date past the horizon is still the date it was planned for)."""
    if frequency not in (WEEKLY, *MONTHS_APART):
        return [first] if since is None or first >= since else []
    days = []
    for day in _series(first, frequency):
        if day > until:
            break
        if since is None or day >= since:
            days.append(day)
    return days


def is_overdue(*, status: str, frequency: str, planned_on: date, today: date) -> bool:
    """A one-off item still planned after its date has passed."""
    return status == PLANNED and frequency == ONCE and planned_on < today


def month_start(day: date) -> date:
    return day.replace(day=1)
