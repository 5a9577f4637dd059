"""The sane range of every date, year and number a user can store, per field.

A value outside its range is refused, with a message beside the field, so no
stored value can break a page, a chart or the PDF (a KPI target date of
9999-12-01 once made the chart code reach for the year 10000).

- KPI baseline date, target date, measurement date: 1 January 1990 to
  31 December 2100. A digital programme's figures start no earlier than 1990,
  and its plans end by 2100.
- KPI baseline date, also: not after today. A baseline is a figure already
  measured, so later measurements can be compared with it (issue 8).
- Roadmap first and last year: 2000 to 2100, the last not before the first.
- KPI baseline value, target value, measurement value: -1,000,000,000,000 to
  1,000,000,000,000 (a trillion), with at most 4 decimal places (the field's
  own limit). A trillion covers any agency's money, counts and percentages,
  and keeps every figure, chart tick and computed gap well inside the
  precision that formatting uses.

- Initiative start and end months, milestone due dates: January 1990 to
  December 2100, like the KPIs' dates.
- Percent complete: 0 to 100. Scores of value, effort, likelihood and impact:
  1 to 5.
- Amounts of money (an initiative's capital and operating cost): 0 to
  10,000,000,000,000, with at most 2 decimal places. Negative costs are
  refused.

The rule is written once, here, and enforced in three places through the
model fields' validators (`roadmap.models.bounds`), which name a bound of
this module: Django forms and the admin run them as model validation, and the
services run them before saving (`roadmap.services._checks.check_fields`,
which calls `Model.clean_fields`). Pure: no Django.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from ui.formatting import format_date, format_value, with_a


@dataclass(frozen=True)
class Bound:
    """An inclusive range of dates, years or numbers, and how to say it."""

    low: date | int | Decimal
    high: date | int | Decimal

    def describe(self, value) -> str:
        if isinstance(value, date):
            return format_date(value)
        if isinstance(value, Decimal):
            return format_value(value)
        return str(value)

    def problem(self, value, what: str) -> str | None:
        """The message for `value` outside the range, or None when it is inside."""
        if self.low <= value <= self.high:
            return None
        low, high = self.describe(self.low), self.describe(self.high)
        return f"Enter {with_article(what)} between {low} and {high}."


def with_article(what: str) -> str:
    """`what` with "a" made "an" before a vowel: the fields name themselves "a
    {verbose name}" ("a end month", "a effort score"), and the message says
    "an end month". Judged by the letter, which suits every field named here."""
    article, _, noun = what.partition(" ")
    if article.lower() == "a" and noun:
        return with_a(noun)
    return what


KPI_DATES = Bound(date(1990, 1, 1), date(2100, 12, 31))
HORIZON_YEARS = Bound(2000, 2100)
KPI_VALUES = Bound(Decimal(-(10**12)), Decimal(10**12))

PLAN_DATES = Bound(date(1990, 1, 1), date(2100, 12, 31))
PERCENT = Bound(0, 100)
SCORE = Bound(1, 5)
MONEY = Bound(Decimal(0), Decimal(10**13))

# Validators name a bound by key, so a migration records the name, not the range.
BOUNDS = {
    "kpi_date": KPI_DATES,
    "horizon_year": HORIZON_YEARS,
    "kpi_value": KPI_VALUES,
    "plan_date": PLAN_DATES,
    "percent": PERCENT,
    "score": SCORE,
    "money": MONEY,
}


def problem(bound: str, value, what: str) -> str | None:
    """The message for `value` outside the bound named `bound`, or None."""
    return BOUNDS[bound].problem(value, what)


def future_problem(day: date, *, today: date, what: str) -> str | None:
    """A date that must not be after today (a KPI's baseline)."""
    if day <= today:
        return None
    return (
        f"The {what} must be today or in the past: enter the date the baseline was measured, "
        f"{format_date(today)} or earlier."
    )


def horizon_problem(start: int | None, end: int | None) -> str | None:
    """A roadmap's last year is the same as or after its first."""
    if start is None or end is None or end >= start:
        return None
    return f"The last year must be the same as or after the first year ({start})."
