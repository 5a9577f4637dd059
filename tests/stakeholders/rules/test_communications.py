"""When a communication happens (its occurrences) and whether it is overdue."""

from datetime import date

import pytest

from stakeholders.rules.communications import add_months, is_overdue, occurrences

UNTIL = date(2027, 12, 31)


def test_a_one_off_item_happens_once_on_its_date_even_past_the_horizon():
    assert occurrences(date(2027, 3, 15), "once", until=UNTIL) == [date(2027, 3, 15)]
    assert occurrences(date(2028, 3, 15), "once", until=UNTIL) == [date(2028, 3, 15)]
    assert occurrences(date(2027, 3, 15), "once", until=UNTIL, since=date(2027, 4, 1)) == []


def test_weekly_items_repeat_every_seven_days_until_the_horizon_ends():
    days = occurrences(date(2027, 12, 1), "weekly", until=UNTIL)
    assert days == [date(2027, 12, d) for d in (1, 8, 15, 22, 29)]


def test_monthly_items_keep_their_day_or_take_the_last_day_of_a_shorter_month():
    days = occurrences(date(2027, 1, 31), "monthly", until=date(2027, 5, 31))
    assert days == [
        date(2027, 1, 31),
        date(2027, 2, 28),
        date(2027, 3, 31),  # counted from the first date: not stuck on the 28th
        date(2027, 4, 30),
        date(2027, 5, 31),
    ]


def test_quarterly_items_repeat_every_three_months_and_since_leaves_out_earlier_ones():
    days = occurrences(date(2027, 1, 15), "quarterly", until=UNTIL, since=date(2027, 5, 1))
    assert days == [date(2027, 7, 15), date(2027, 10, 15)]


def test_a_series_starting_after_the_horizon_has_no_dates():
    assert occurrences(date(2028, 1, 1), "monthly", until=UNTIL) == []


def test_add_months_crosses_years_and_leap_days():
    assert add_months(date(2027, 11, 30), 3) == date(2028, 2, 29)
    assert add_months(date(2028, 2, 29), 12) == date(2029, 2, 28)


@pytest.mark.parametrize(
    ("status", "frequency", "planned_on", "overdue"),
    [
        ("planned", "once", date(2027, 3, 14), True),
        ("planned", "once", date(2027, 3, 15), False),  # today is not passed yet
        ("done", "once", date(2027, 3, 1), False),
        ("cancelled", "once", date(2027, 3, 1), False),
        ("planned", "weekly", date(2027, 1, 1), False),  # a series has no date to miss
    ],
)
def test_only_a_planned_one_off_item_whose_date_has_passed_is_overdue(
    status, frequency, planned_on, overdue
):
    today = date(2027, 3, 15)
    assert (
        is_overdue(status=status, frequency=frequency, planned_on=planned_on, today=today)
        is overdue
    )
