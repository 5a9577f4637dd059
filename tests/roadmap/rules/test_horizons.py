"""Now, next and later (roadmap/rules/horizons.py) at their boundaries."""

from datetime import date

import pytest

from roadmap.rules.horizons import Horizon, horizon, quarter_index

TODAY = date(2026, 12, 3)  # calendar Q4 2026; with an April year, Q3 of 2026-27


@pytest.mark.parametrize(
    ("status", "start", "expected"),
    [
        ("in_progress", date(2028, 1, 1), Horizon.NOW),  # started early: now whatever the plan said
        ("planned", date(2026, 10, 1), Horizon.NOW),  # this quarter
        ("planned", date(2026, 12, 1), Horizon.NOW),
        ("planned", date(2025, 3, 1), Horizon.NOW),  # late: due to have started
        ("planned", date(2027, 1, 1), Horizon.NEXT),  # the next quarter
        ("proposed", date(2027, 6, 1), Horizon.NEXT),  # the one after
        ("planned", date(2027, 7, 1), Horizon.LATER),  # three quarters on
        ("on_hold", date(2029, 1, 1), Horizon.LATER),
        ("done", date(2026, 10, 1), None),
        ("cancelled", date(2027, 1, 1), None),
    ],
)
def test_calendar_quarters(status, start, expected):
    assert horizon(status=status, start=start, today=TODAY) == expected


def test_quarters_follow_the_financial_year():
    # April years: December is in Q3 (October-December); March 2027 is still next,
    # April 2027 (Q1 of 2027-28) is the second quarter on, and July 2027 is later.
    april = {"today": TODAY, "financial_year_start_month": 4}
    assert horizon(status="planned", start=date(2027, 3, 1), **april) == Horizon.NEXT
    assert horizon(status="planned", start=date(2027, 6, 1), **april) == Horizon.NEXT
    assert horizon(status="planned", start=date(2027, 7, 1), **april) == Horizon.LATER
    # A year starting in November: December is in Q1 (November-January), with January.
    november = {"today": TODAY, "financial_year_start_month": 11}
    assert horizon(status="planned", start=date(2027, 1, 1), **november) == Horizon.NOW
    assert horizon(status="planned", start=date(2027, 2, 1), **november) == Horizon.NEXT


def test_a_quarter_index_counts_whole_quarters():
    assert quarter_index(date(2026, 3, 31)) + 1 == quarter_index(date(2026, 4, 1))
    assert quarter_index(date(2026, 4, 1), 4) == quarter_index(date(2026, 6, 30), 4)
    with pytest.raises(ValueError):
        quarter_index(TODAY, 13)
