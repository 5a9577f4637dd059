"""Now, next and later: where an initiative sits on the roadmap's board.

- Now: in progress, or starting in the current quarter (or before it, and not
  yet started: it is late, and belongs to now).
- Next: starting in the two quarters after the current one.
- Later: starting after that.
- Done and cancelled initiatives are left off the board.

Quarters follow the agency's financial year: with a year starting in April,
the first quarter is April to June. Pure: no Django.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum

LEFT_OFF = frozenset({"done", "cancelled"})

HORIZONS_RULE_TEXT = (
    "Now: in progress, or starting this quarter (or already due to have started). "
    "Next: starting in the two quarters after this one. Later: starting after that. "
    "Done and cancelled initiatives are left off. Quarters follow the agency's "
    "financial year."
)


class Horizon(StrEnum):
    NOW = "now"
    NEXT = "next"
    LATER = "later"

    @property
    def label(self) -> str:
        return self.value.capitalize()


def quarter_index(day: date, financial_year_start_month: int = 1) -> int:
    """A count of quarters since year 0, in the agency's financial year."""
    if not 1 <= financial_year_start_month <= 12:
        raise ValueError("The financial year starts in a month from 1 to 12.")
    months = day.year * 12 + day.month - 1 - (financial_year_start_month - 1)
    return months // 3


def horizon(
    *, status: str, start: date, today: date, financial_year_start_month: int = 1
) -> Horizon | None:
    """The board column of an initiative with `status` starting in the month of
    `start`, as of `today`; None when it is left off (done or cancelled)."""
    if status in LEFT_OFF:
        return None
    if status == "in_progress":
        return Horizon.NOW
    ahead = quarter_index(start, financial_year_start_month) - quarter_index(
        today, financial_year_start_month
    )
    if ahead <= 0:
        return Horizon.NOW
    if ahead <= 2:
        return Horizon.NEXT
    return Horizon.LATER
