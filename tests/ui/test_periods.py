"""Rough dates: a day, a month, a quarter or a year, read from the GOV.UK boxes
and printed at their own precision, never as an invented day."""

from datetime import date

import pytest

from roadmap.rules.kpi_values import format_qualified, looks_like_commitment
from ui.dates import DateProblem, read_rough_date, rough_date_parts
from ui.periods import format_in_period, format_period, period_end, period_start

DAY = date(2025, 5, 17)


@pytest.mark.parametrize(
    ("precision", "start", "end", "printed"),
    [
        ("day", DAY, DAY, "17 May 2025"),
        ("month", date(2025, 5, 1), date(2025, 5, 31), "May 2025"),
        ("quarter", date(2025, 4, 1), date(2025, 6, 30), "Q2 2025 (April to June)"),
        ("year", date(2025, 1, 1), date(2025, 12, 31), "2025"),
    ],
)
def test_a_period_starts_ends_and_prints_at_its_precision(precision, start, end, printed):
    assert period_start(DAY, precision) == start
    assert period_end(DAY, precision) == end
    assert format_period(start, precision) == printed


def test_in_a_period_reads_as_people_write_it():
    assert format_in_period(DAY, "day") == "on 17 May 2025"
    assert format_in_period(DAY, "year") == "in 2025"


@pytest.mark.parametrize(
    ("typed", "precision", "read"),
    [
        ({"day": "17", "month": "5", "year": "2025"}, "day", DAY),
        ({"day": "", "month": "5", "year": "2025"}, "month", date(2025, 5, 1)),
        ({"day": "9", "month": "May", "year": "2025"}, "month", date(2025, 5, 1)),
        ({"day": "", "month": "Q2", "year": "2025"}, "quarter", date(2025, 4, 1)),
        ({"day": "", "month": "6", "year": "2025"}, "quarter", date(2025, 4, 1)),
        ({"day": "", "month": "", "year": "2025"}, "year", date(2025, 1, 1)),
        ({"day": "", "month": "", "year": ""}, "year", None),
    ],
)
def test_the_boxes_are_read_at_the_chosen_precision(typed, precision, read):
    assert read_rough_date(typed, precision=precision, what="target date") == read


@pytest.mark.parametrize(
    ("typed", "precision", "message", "parts"),
    [
        ({"month": "", "year": "2025"}, "month", "Target date must include a month.", ("month",)),
        (
            {"month": "Q5", "year": "2025"},
            "quarter",
            "Target date must be a real date.",
            ("month",),
        ),
        ({"year": "25"}, "year", "Year must include 4 numbers.", ("year",)),
        (
            {"day": "", "month": "5", "year": "2025"},
            "day",
            "Target date must include a day.",
            ("day",),
        ),
    ],
)
def test_what_is_wrong_is_said_naming_the_part(typed, precision, message, parts):
    problem = read_rough_date(typed, precision=precision, what="target date")
    assert isinstance(problem, DateProblem)
    assert (problem.message, problem.parts) == (message, parts)


def test_a_stored_rough_date_shows_only_its_own_parts():
    assert rough_date_parts(date(2025, 4, 1), "month") == ["", "4", "2025"]
    assert rough_date_parts(date(2025, 4, 1), "quarter") == ["", "Q2", "2025"]
    assert rough_date_parts(date(2025, 1, 1), "year") == ["", "", "2025"]


def test_a_qualified_value_is_printed_with_its_qualifier():
    from decimal import Decimal

    assert format_qualified(Decimal(100), "services", "more_than") == "more than 100 services"
    assert format_qualified(Decimal("62.5"), "%", "about") == "about 62.5%"
    assert format_qualified(Decimal(190), "", "at_least") == "at least 190"
    assert format_qualified(Decimal(1250), "days", "exactly") == "1,250 days"


def test_a_yes_no_commitment_is_recognised():
    from decimal import Decimal

    assert looks_like_commitment(Decimal(0), Decimal(1), "") == "yes_no"
    assert looks_like_commitment(Decimal(0), Decimal(100), "%") == "maybe"
    assert looks_like_commitment(Decimal(0), Decimal(100), "services") == ""
    assert looks_like_commitment(Decimal(5), Decimal(1), "") == ""
