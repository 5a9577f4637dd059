"""The documented ranges: inclusive at both ends, said in words."""

from datetime import date, timedelta
from decimal import Decimal

import pytest

from roadmap.rules import bounds


@pytest.mark.parametrize(
    "name, low, high, below, above",
    [
        ("kpi_date", date(1990, 1, 1), date(2100, 12, 31), date(1989, 12, 31), date(2101, 1, 1)),
        ("horizon_year", 2000, 2100, 1999, 2101),
        (
            "kpi_value",
            Decimal(-(10**12)),
            Decimal(10**12),
            Decimal("-1000000000000.0001"),
            Decimal("1000000000000.0001"),
        ),
    ],
)
def test_each_bound_takes_its_ends_and_refuses_just_outside(name, low, high, below, above):
    assert bounds.problem(name, low, "it") is None
    assert bounds.problem(name, high, "it") is None
    assert bounds.problem(name, below, "it") is not None
    assert bounds.problem(name, above, "it") is not None


def test_the_messages_name_the_field_and_the_range_in_words():
    assert bounds.problem("kpi_date", date(9999, 12, 1), "a target date") == (
        "Enter a target date between 1 January 1990 and 31 December 2100."
    )
    assert bounds.problem("kpi_value", Decimal("1e13"), "a value") == (
        "Enter a value between -1,000,000,000,000 and 1,000,000,000,000."
    )


def test_a_baseline_may_be_today_but_not_tomorrow():
    today = date(2026, 12, 2)
    assert bounds.future_problem(today, today=today, what="baseline date") is None
    assert bounds.future_problem(today + timedelta(days=1), today=today, what="baseline date") == (
        "The baseline date must be today or in the past: enter the date the baseline was measured, "
        "2 December 2026 or earlier."
    )


def test_a_horizon_ends_in_or_after_its_first_year():
    assert bounds.horizon_problem(2026, 2026) is None
    assert bounds.horizon_problem(2026, 2025) == (
        "The last year must be the same as or after the first year (2026)."
    )
    assert bounds.horizon_problem(None, 2025) is None  # the missing year has its own message


@pytest.mark.parametrize(
    "what, said",
    [
        ("a end month", "an end month"),
        ("a effort score", "an effort score"),
        ("a operating cost", "an operating cost"),
        ("a start month", "a start month"),
        ("the date it was done", "the date it was done"),
        ("an end month", "an end month"),
        ("a", "a"),
    ],
)
def test_the_article_goes_with_the_sound_of_the_field_name(what, said):
    assert bounds.with_article(what) == said


def test_a_message_for_an_end_month_says_an():
    assert bounds.problem("plan_date", date(2101, 1, 1), "a end month") == (
        "Enter an end month between 1 January 1990 and 31 December 2100."
    )
