"""When a KPI is overdue: by its reporting frequency (plus the documented lag)
and by its target date without a final measurement, with a frozen clock."""

from datetime import date

import pytest

from roadmap.rules.kpi_overdue import REPORTING_LAG_DAYS, RULE_TEXT, kpi_overdue

LAST = date(2026, 1, 31)

# frequency: the last day a measurement after LAST is not yet overdue
NOT_YET_OVERDUE_UNTIL = {
    "weekly": date(2026, 2, 14),  # 7 days, then 7 days' lag
    "monthly": date(2026, 3, 14),  # 28 February, then 14 days
    "quarterly": date(2026, 5, 30),  # 30 April, then 30 days
    "six_monthly": date(2026, 9, 14),  # 31 July, then 45 days
    "annually": date(2027, 4, 1),  # 31 January 2027, then 60 days
}


def overdue(today, frequency="quarterly", measured=(LAST,), **plan):
    return kpi_overdue(
        today=today,
        frequency=frequency,
        measured_on=list(measured),
        baseline_date=plan.get("baseline_date", date(2025, 1, 1)),
        baseline_precision=plan.get("baseline_precision", "day"),
        added_on=date(2025, 1, 1),
        target_date=plan.get("target_date"),
        target_precision=plan.get("target_precision", "day"),
    )


@pytest.mark.parametrize("frequency", list(NOT_YET_OVERDUE_UNTIL))
def test_a_measurement_is_overdue_a_period_and_a_lag_after_the_last(frequency):
    last_day = NOT_YET_OVERDUE_UNTIL[frequency]
    assert overdue(last_day, frequency) is None
    late = overdue(date.fromordinal(last_day.toordinal() + 1), frequency)
    assert late is not None
    assert late.due == last_day
    assert late.reason.endswith(
        "measurement was due by " + f"{last_day.day} "
        f"{last_day.strftime('%B')} {last_day.year} and none has come."
    )


def test_the_frequencies_are_named_in_the_reason_and_the_rule():
    assert overdue(date(2027, 6, 1), "six_monthly").reason.startswith("A six-monthly")
    assert overdue(date(2028, 6, 1), "annually").reason.startswith("A yearly")
    for days in REPORTING_LAG_DAYS.values():
        assert f"{days}" in RULE_TEXT


def test_before_the_first_measurement_it_counts_from_the_baseline_period():
    # Baseline "2025" starts on 1 January 2025: a quarter on, plus 30 days.
    assert (
        overdue(
            date(2025, 4, 30),
            measured=(),
            baseline_date=date(2025, 1, 1),
            baseline_precision="year",
        )
        is None
    )
    assert (
        overdue(
            date(2025, 5, 2), measured=(), baseline_date=date(2025, 1, 1), baseline_precision="year"
        )
        is not None
    )


def test_with_no_baseline_yet_it_counts_from_when_the_kpi_was_added():
    assert overdue(date(2025, 4, 30), measured=(), baseline_date=None) is None
    assert overdue(date(2025, 5, 2), measured=(), baseline_date=None) is not None


def test_a_target_date_passed_without_a_final_measurement_is_overdue():
    # "By 2025": runs out on 31 December 2025, then 30 days' lag (quarterly).
    plan = {"target_date": date(2025, 1, 1), "target_precision": "year"}
    measured = (date(2025, 11, 30),)  # a measurement in the target's year is final
    assert overdue(date(2026, 6, 1), measured=measured, **plan) is None
    earlier = (date(2024, 11, 30),)
    assert overdue(date(2026, 1, 30), measured=earlier, **plan).reason.startswith(
        "A quarterly measurement was due"
    )
    passed = overdue(date(2026, 1, 31), measured=earlier, **plan)
    assert passed.reason == "The target date (by 2025) has passed with no final measurement."


def test_a_month_target_needs_a_measurement_in_that_month_or_after():
    plan = {"target_date": date(2025, 4, 1), "target_precision": "month"}
    assert overdue(date(2025, 6, 30), measured=(date(2025, 4, 30),), **plan) is None
    assert overdue(date(2025, 6, 30), measured=(date(2025, 3, 31),), **plan) is not None
