"""Rough dates: a day, a month, a quarter or a year, as published roadmaps give
them ("by 2025", "by April 2025", "by 30 November 2026").

A rough date is stored as the FIRST day of its period (`date(2025, 1, 1)` with
precision "year"), so it sorts and compares like any date. What it means for a
deadline is the LAST day of the period (`period_end`): "by 2025" is met on
31 December 2025. It is printed at its own precision, never as an invented day.

Pure Python (no Django): the rules use it too.
"""

from __future__ import annotations

from calendar import monthrange
from datetime import date
from enum import StrEnum

from .formatting import MONTH_NAMES, format_date, format_month


class Precision(StrEnum):
    DAY = "day"
    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS = {
    Precision.DAY: "An exact day",
    Precision.MONTH: "A month",
    Precision.QUARTER: "A quarter",
    Precision.YEAR: "A year",
}

PRECISION_CHOICES = [(precision.value, precision.label) for precision in Precision]


def quarter_of(day: date) -> int:
    return (day.month - 1) // 3 + 1


def period_start(day: date, precision: str) -> date:
    """The first day of the period `day` falls in."""
    precision = Precision(precision)
    if precision is Precision.DAY:
        return day
    if precision is Precision.MONTH:
        return day.replace(day=1)
    if precision is Precision.QUARTER:
        return date(day.year, (quarter_of(day) - 1) * 3 + 1, 1)
    return date(day.year, 1, 1)


def period_end(day: date, precision: str) -> date:
    """The last day of the period `day` falls in: when "by <period>" runs out."""
    precision = Precision(precision)
    if precision is Precision.DAY:
        return day
    if precision is Precision.YEAR:
        return date(day.year, 12, 31)
    last_month = day.month if precision is Precision.MONTH else quarter_of(day) * 3
    return date(day.year, last_month, monthrange(day.year, last_month)[1])


def format_period(day: date, precision: str) -> str:
    """ "30 November 2026", "April 2025", "Q1 2025 (January to March)", "2025"."""
    precision = Precision(precision)
    if precision is Precision.DAY:
        return format_date(day)
    if precision is Precision.MONTH:
        return format_month(day)
    if precision is Precision.QUARTER:
        first = (quarter_of(day) - 1) * 3
        return f"Q{quarter_of(day)} {day.year} ({MONTH_NAMES[first]} to {MONTH_NAMES[first + 2]})"
    return str(day.year)


def format_in_period(day: date, precision: str) -> str:
    """ "on 30 November 2026", "in April 2025", "in Q1 2025 (January to March)", "in 2025"."""
    word = "on" if Precision(precision) is Precision.DAY else "in"
    return f"{word} {format_period(day, precision)}"


def add_months(day: date, months: int) -> date:
    """The same day `months` later, or the month's last day when it has none
    (31 January + 1 month is 28 or 29 February)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    return date(year, month, min(day.day, monthrange(year, month)[1]))
