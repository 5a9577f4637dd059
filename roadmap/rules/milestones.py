"""The rules of a milestone: its due date at day or month precision, whether it
is done, due or overdue, whether it falls outside its initiative's months, and
when it was done.

- **Precision.** A milestone is due on a day ("30 November 2026") or in a month
  ("March 2027"). A month is stored as its first day and said as the month.
- **Overdue.** A milestone not done is overdue once its due date has passed:
  the day after the day it was due, or, for a month, the first day of the next
  month. On the due day, or in the due month, it is "due", not overdue.
- **Done.** A milestone marked done says when: a date that is not in the
  future (and not missing). One not done has no such date.
- **Outside its initiative.** A milestone of an initiative is expected within
  the initiative's months (the start month to the end month, both included).
  One outside them is allowed (plans move) but flagged, with a warning beside
  it saying by how much.

Pure: no Django.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from ui.formatting import format_date, format_month

from .schedule import Span, month_index

DAY = "day"
MONTH = "month"
PRECISIONS = (DAY, MONTH)

MILESTONE_RULE_TEXT = (
    "A milestone is due on a day, or in a month when only the month is known. It is "
    "overdue when it is not done and the day, or the whole month, has passed. A "
    "milestone of an initiative should fall within the initiative's months; one outside "
    "them is allowed but flagged."
)


class MilestoneState(StrEnum):
    DONE = "done"
    DUE = "due"  # not done, not yet past
    OVERDUE = "overdue"

    @property
    def label(self) -> str:
        """In words, never colour alone: "Done", "Not done yet", "Overdue"."""
        return {"done": "Done", "due": "Not done yet", "overdue": "Overdue"}[self.value]


def due_text(due: date, precision: str) -> str:
    """ "30 November 2026" for a day, "March 2027" for a month."""
    if precision == MONTH:
        return format_month(due)
    return format_date(due)


def is_overdue(*, due: date, precision: str, done: bool, today: date) -> bool:
    """Not done, and the due day (or the whole due month) has passed."""
    if done:
        return False
    if precision == MONTH:
        return month_index(today) > month_index(due)
    return today > due


def milestone_state(*, due: date, precision: str, done: bool, today: date) -> MilestoneState:
    if done:
        return MilestoneState.DONE
    if is_overdue(due=due, precision=precision, done=done, today=today):
        return MilestoneState.OVERDUE
    return MilestoneState.DUE


def outside_span(span: Span, day: date) -> bool:
    """`day`'s month is before the span's start month or after its end month."""
    return not month_index(span.start) <= month_index(day) <= month_index(span.end)


def outside_warning(span: Span, day: date) -> str | None:
    """What to say beside a milestone outside its initiative's months, or None."""
    if not outside_span(span, day):
        return None
    start, end = due_text(span.start, MONTH), due_text(span.end, MONTH)
    if month_index(day) < month_index(span.start):
        months = month_index(span.start) - month_index(day)
        when = f"{_months(months)} before it starts"
    else:
        months = month_index(day) - month_index(span.end)
        when = f"{_months(months)} after it ends"
    return f"Outside its initiative's months ({start} to {end}): {when}."


def done_on_problem(*, done: bool, done_on: date | None, today: date) -> str | None:
    """A done milestone says when it was done, today or earlier."""
    if not done or done_on is None:
        return "Enter the date it was done." if done else None
    if done_on > today:
        return (
            f"The date it was done must be today or in the past: {format_date(today)} or earlier."
        )
    return None


def _months(count: int) -> str:
    return f"{count} month{'s' if count != 1 else ''}"
