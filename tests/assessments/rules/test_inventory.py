"""The inventory's rules: the year introduced from 1950 to this year, a cost not
negative, and the titles of suggested gaps."""

from decimal import Decimal

import pytest

from assessments.rules.inventory import (
    cost_problem,
    process_gap_title,
    system_gap_title,
    year_problem,
)


@pytest.mark.parametrize("year", [None, 1950, 1978, 2026])
def test_a_year_from_1950_to_this_year_is_fine(year):
    assert year_problem(year, this_year=2026) is None


def test_a_year_before_1950_says_so():
    assert year_problem(1949, this_year=2026) == (
        "Enter a year from 1950 to 2026: 1949 is before the first computers."
    )


def test_a_year_in_the_future_says_so():
    message = year_problem(2027, this_year=2026)
    assert message.startswith("Enter a year from 1950 to 2026: 2027 is in the future")


@pytest.mark.parametrize("cost", [None, Decimal(0), Decimal("125000.50")])
def test_a_cost_of_zero_or_more_is_fine(cost):
    assert cost_problem(cost) is None


def test_a_negative_cost_is_refused():
    assert cost_problem(Decimal("-0.01")) == (
        "Enter a cost of 0 or more: a running cost cannot be negative."
    )


def test_suggested_titles_say_what_to_do():
    assert system_gap_title("Mainframe", "migrate") == "Migrate Mainframe"
    assert system_gap_title("Access database", "eliminate") == "Retire Access database"
    assert process_gap_title("Parking permits") == "Take Parking permits online"
