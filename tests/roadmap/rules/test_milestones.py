"""The milestone rules: done, not done yet or overdue, at day and month
precision, on each side of the boundary; outside an initiative's months, by
how much; when a done milestone was done."""

from datetime import date

import pytest

from roadmap.rules.milestones import (
    MilestoneState,
    done_on_problem,
    due_text,
    milestone_state,
    outside_span,
    outside_warning,
)
from roadmap.rules.schedule import Span


def state(due, precision, today, done=False):
    return milestone_state(due=due, precision=precision, done=done, today=today)


def test_a_day_is_said_in_full_and_a_month_as_its_month():
    assert due_text(date(2026, 11, 30), "day") == "30 November 2026"
    assert due_text(date(2027, 3, 1), "month") == "March 2027"


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (date(2026, 11, 29), MilestoneState.DUE),
        (date(2026, 11, 30), MilestoneState.DUE),  # on the day: not yet overdue
        (date(2026, 12, 1), MilestoneState.OVERDUE),
    ],
)
def test_a_day_is_overdue_the_day_after(today, expected):
    assert state(date(2026, 11, 30), "day", today) is expected


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (date(2027, 2, 28), MilestoneState.DUE),
        (date(2027, 3, 31), MilestoneState.DUE),  # the whole month is allowed
        (date(2027, 4, 1), MilestoneState.OVERDUE),
    ],
)
def test_a_month_is_overdue_once_the_whole_month_has_passed(today, expected):
    assert state(date(2027, 3, 1), "month", today) is expected


def test_a_done_milestone_is_never_overdue():
    assert state(date(2020, 1, 1), "day", date(2026, 1, 1), done=True) is MilestoneState.DONE


def test_states_are_said_in_words():
    assert [s.label for s in MilestoneState] == ["Done", "Not done yet", "Overdue"]


SPAN = Span(date(2026, 4, 1), date(2027, 3, 1))  # April 2026 to March 2027


@pytest.mark.parametrize(
    ("day", "outside"),
    [
        (date(2026, 3, 31), True),
        (date(2026, 4, 1), False),
        (date(2027, 3, 31), False),  # any day of the end month is inside
        (date(2027, 4, 1), True),
    ],
)
def test_outside_the_span_is_by_month(day, outside):
    assert outside_span(SPAN, day) is outside


def test_the_warning_says_by_how_much_and_none_inside():
    assert outside_warning(SPAN, date(2026, 6, 1)) is None
    assert outside_warning(SPAN, date(2026, 3, 15)) == (
        "Outside its initiative's months (April 2026 to March 2027): 1 month before it starts."
    )
    assert outside_warning(SPAN, date(2027, 6, 1)) == (
        "Outside its initiative's months (April 2026 to March 2027): 3 months after it ends."
    )


def test_a_done_milestone_says_when_and_not_in_the_future():
    today = date(2026, 12, 3)
    assert done_on_problem(done=False, done_on=None, today=today) is None
    assert done_on_problem(done=True, done_on=today, today=today) is None
    assert done_on_problem(done=True, done_on=None, today=today) == "Enter the date it was done."
    future = done_on_problem(done=True, done_on=date(2026, 12, 4), today=today)
    assert future == (
        "The date it was done must be today or in the past: 3 December 2026 or earlier."
    )
