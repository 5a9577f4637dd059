"""When a KPI is overdue: a measurement is due and none has come, or the target
date has passed without a final measurement.

- A measurement is due one reporting period after the last one (or, before
  the first, after the start of the baseline's period; with no baseline yet,
  after the KPI was added), and overdue once the reporting lag below has also
  passed with none dated later.
- A KPI with a target is overdue once its target date (the end of its month,
  quarter or year) and the reporting lag have passed without a *final*
  measurement: one dated in the target's period or after it.
- A KPI with its final measurement is not overdue: it has reported.

Overdue is a flag shown beside the KPI's status, never instead of it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from ui.formatting import format_date
from ui.periods import Precision, add_months, format_period, period_end, period_start

# One period, in months (weekly: days), and the time allowed after a period
# ends for its figure to be reported.
PERIOD_MONTHS = {"monthly": 1, "quarterly": 3, "six_monthly": 6, "annually": 12}
WEEK_DAYS = 7
REPORTING_LAG_DAYS = {
    "weekly": 7,
    "monthly": 14,
    "quarterly": 30,
    "six_monthly": 45,
    "annually": 60,
}
FREQUENCY_WORDS = {
    "weekly": "weekly",
    "monthly": "monthly",
    "quarterly": "quarterly",
    "six_monthly": "six-monthly",
    "annually": "yearly",
}

RULE_TEXT = (
    "Overdue: a measurement is due one reporting period after the last one (or after "
    "the baseline; while the baseline is not yet known, after the KPI was added), and "
    "overdue when none has come within a reporting lag after that "
    "(7 days for weekly KPIs, 14 for monthly, 30 for quarterly, 45 for six-monthly and "
    "60 for yearly); or the target date has passed, with the same lag, without a "
    "measurement dated in the target's period or after it. Overdue is shown beside "
    "the KPI's status, not instead of it."
)


@dataclass(frozen=True)
class Overdue:
    due: date  # the day it became overdue after
    reason: str  # plain English: "A quarterly measurement was due by 30 April 2026."


def next_due(last: date, frequency: str) -> date:
    """The end of the reporting period after `last`."""
    if frequency == "weekly":
        return last + timedelta(days=WEEK_DAYS)
    return add_months(last, PERIOD_MONTHS[frequency])


def kpi_overdue(
    *,
    today: date,
    frequency: str,
    measured_on: Iterable[date],
    baseline_date: date | None,
    baseline_precision: str = Precision.DAY,
    added_on: date,
    target_date: date | None,
    target_precision: str = Precision.DAY,
) -> Overdue | None:
    """Why the KPI is overdue on `today`, or None (see the module's docstring)."""
    dates = list(measured_on)
    last = max(dates, default=None)
    lag = timedelta(days=REPORTING_LAG_DAYS[frequency])
    if target_date is not None:
        final = last is not None and last >= period_start(target_date, target_precision)
        if final:
            return None
        end = period_end(target_date, target_precision)
        if today > end + lag:
            return Overdue(
                due=end + lag,
                reason=(
                    f"The target date (by {format_period(target_date, target_precision)}) has "
                    "passed with no final measurement."
                ),
            )
    since = last or (period_start(baseline_date, baseline_precision) if baseline_date else added_on)
    due = next_due(since, frequency) + lag
    if today > due:
        return Overdue(
            due=due,
            reason=(
                f"A {FREQUENCY_WORDS[frequency]} measurement was due by {format_date(due)} "
                "and none has come."
            ),
        )
    return None
