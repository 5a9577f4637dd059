"""The status rule for KPIs as roadmaps publish them (issue 12): a baseline not
yet known, a figure tracked without a target, qualified values ("more than
100") and rough target dates ("by 2025"), every combination judged truthfully."""

from datetime import date
from decimal import Decimal

import pytest

from roadmap.rules.kpi_status import (
    RULE_TEXT,
    KPIStatus,
    PlanError,
    assess_kpi,
    plan_problems,
)

D = Decimal
ON = KPIStatus.ON_TRACK
OFF = KPIStatus.OFF_TRACK
ACHIEVED = KPIStatus.ACHIEVED
NO_BASELINE = KPIStatus.NO_BASELINE
NOT_JUDGED = KPIStatus.NOT_JUDGED
TRACKED = KPIStatus.TRACKED
NO_DATA = KPIStatus.NO_DATA

# A KPI from 100 on 1 January 2024 to 200 by the end of 2025 (year precision:
# 31 December 2025), judged on 1 January 2025, about halfway: the line is near 150.
BASE = dict(
    baseline_value=D(100),
    baseline_date=date(2024, 1, 1),
    target_value=D(200),
    target_date=date(2025, 1, 1),
    target_precision="year",
)
MID = date(2025, 1, 1)
LATE = date(2026, 2, 1)  # after "by 2025" has run out


def judge(higher=True, measurements=(), **changes):
    return assess_kpi(
        higher_is_better=higher, measurements=list(measurements), **{**BASE, **changes}
    )


# (what, higher is better, changes to the plan, measurements, status)
CASES = {
    # Baseline not yet known: no line, so "No baseline", unless the target is met
    # or its date has passed.
    "unknown baseline, between": (
        True,
        {"baseline_value": None, "baseline_date": None},
        [(MID, D(150))],
        NO_BASELINE,
    ),
    "unknown baseline, target met": (
        True,
        {"baseline_value": None, "baseline_date": None},
        [(MID, D(200))],
        ACHIEVED,
    ),
    "unknown baseline, target date passed": (
        True,
        {"baseline_value": None, "baseline_date": None},
        [(LATE, D(150))],
        OFF,
    ),
    "unknown baseline, nothing measured": (
        True,
        {"baseline_value": None, "baseline_date": None},
        [],
        NO_DATA,
    ),
    # Tracked without a target: never judged, measured or not.
    "tracked, measured": (
        True,
        {"target_value": None, "target_date": None, "tracked": True},
        [(MID, D(1))],
        TRACKED,
    ),
    "tracked, unknown baseline": (
        True,
        {
            "target_value": None,
            "target_date": None,
            "tracked": True,
            "baseline_value": None,
            "baseline_date": None,
        },
        [(MID, D(1), "more_than")],
        TRACKED,
    ),
    "tracked, nothing measured": (
        True,
        {"target_value": None, "target_date": None, "tracked": True},
        [],
        TRACKED,
    ),
    # Qualified measurements: the conservative reading.
    "more than 150, higher better: judged on 150": (True, {}, [(MID, D(150), "more_than")], ON),
    "more than 100 vs at least 150: judged on 100": (
        True,
        {"target_qualifier": "at_least", "target_value": D(150)},
        [(MID, D(100), "more_than")],
        OFF,
    ),
    "at least 200 meets at least 200": (
        True,
        {"target_qualifier": "at_least"},
        [(MID, D(200), "at_least")],
        ACHIEVED,
    ),
    "exactly 200 does not meet more than 200": (
        True,
        {"target_qualifier": "more_than"},
        [(MID, D(200))],
        ON,
    ),
    "more than 200 meets more than 200": (
        True,
        {"target_qualifier": "more_than"},
        [(MID, D(200), "more_than")],
        ACHIEVED,
    ),
    "fewer than 150, higher better: not judged": (
        True,
        {},
        [(MID, D(150), "fewer_than")],
        NOT_JUDGED,
    ),
    "at most 300, higher better: not judged even above target": (
        True,
        {},
        [(MID, D(300), "at_most")],
        NOT_JUDGED,
    ),
    "about 150 read as 150": (True, {}, [(MID, D(150), "about")], ON),
    # Lower is better: the mirror image.
    "more than 30 incidents, lower better: not judged": (
        False,
        {"baseline_value": D(40), "target_value": D(10)},
        [(MID, D(30), "more_than")],
        NOT_JUDGED,
    ),
    "fewer than 10 meets fewer than 10": (
        False,
        {"baseline_value": D(40), "target_value": D(10), "target_qualifier": "fewer_than"},
        [(MID, D(10), "fewer_than")],
        ACHIEVED,
    ),
    "at most 25, lower better: judged on 25": (
        False,
        {"baseline_value": D(40), "target_value": D(10)},
        [(MID, D(25), "at_most")],
        ON,
    ),
    # Qualified baselines: a line that could start anywhere higher is no line.
    "baseline more than 100, higher better: not judged": (
        True,
        {"baseline_qualifier": "more_than"},
        [(MID, D(150))],
        NOT_JUDGED,
    ),
    "baseline more than 100, target met: achieved": (
        True,
        {"baseline_qualifier": "more_than"},
        [(MID, D(200))],
        ACHIEVED,
    ),
    "baseline at most 100, higher better: judged on 100": (
        True,
        {"baseline_qualifier": "at_most"},
        [(MID, D(150))],
        ON,
    ),
    "baseline about 100": (True, {"baseline_qualifier": "about"}, [(MID, D(150))], ON),
    "baseline fewer than 40, lower better: not judged": (
        False,
        {"baseline_value": D(40), "target_value": D(10), "baseline_qualifier": "fewer_than"},
        [(MID, D(25))],
        NOT_JUDGED,
    ),
    # Rough target dates: judged to the end of their period.
    "by 2025, measured on 31 December 2025: still in time": (
        True,
        {},
        [(date(2025, 12, 31), D(195))],
        ON,
    ),
    "by 2025, measured in 2026 short of it: off track": (True, {}, [(LATE, D(195))], OFF),
    "by March 2025, measured 31 March 2025": (
        True,
        {"target_precision": "month", "target_date": date(2025, 3, 1)},
        [(date(2025, 3, 31), D(195))],
        ON,
    ),
    "by March 2025, measured 1 April 2025": (
        True,
        {"target_precision": "month", "target_date": date(2025, 3, 1)},
        [(date(2025, 4, 1), D(195))],
        OFF,
    ),
    "by Q1 2025, measured 31 March 2025": (
        True,
        {"target_precision": "quarter", "target_date": date(2025, 1, 1)},
        [(date(2025, 3, 31), D(195))],
        ON,
    ),
    "by Q1 2025, measured 1 April 2025": (
        True,
        {"target_precision": "quarter", "target_date": date(2025, 1, 1)},
        [(date(2025, 4, 1), D(195))],
        OFF,
    ),
    "exact day target passed": (
        True,
        {"target_precision": "day", "target_date": date(2025, 6, 1)},
        [(date(2025, 6, 2), D(195))],
        OFF,
    ),
    "baseline a year, target a year": (
        True,
        {"baseline_precision": "year", "target_date": date(2025, 1, 1)},
        [(MID, D(150))],
        ON,
    ),
    # A target equal to the baseline: one to hold.
    "hold: met": (True, {"target_value": D(100)}, [(MID, D(100))], ACHIEVED),
    "hold: slipped": (True, {"target_value": D(100)}, [(MID, D(99))], OFF),
}


@pytest.mark.parametrize("case", list(CASES))
def test_each_combination_gets_a_truthful_status(case):
    higher, changes, measurements, status = CASES[case]
    if changes.get("baseline_value", 1) is None:
        changes = {**changes, "baseline_date": None}
    assert judge(higher, measurements, **changes).status == status


def test_a_year_target_is_judged_on_the_line_to_the_end_of_the_year():
    # 100 on 1 January 2024 to 200 on 31 December 2025: 730 days; on 1 January 2025
    # 366 days have passed (2024 is a leap year).
    result = judge(True, [(MID, D(150))])
    assert result.expected == D(100) + D(100) * D(366) / D(730)


def test_qualifiers_and_rough_dates_are_printed_as_published():
    result = judge(
        True, [(MID, D(100), "more_than")], target_qualifier="at_least", target_value=D(150)
    )
    assert result.explanation.startswith("More than 100 against ")
    late = judge(True, [(LATE, D(100), "more_than")], target_qualifier="at_least")
    assert "against a target of at least 200 by 2025:" in late.explanation
    assert "31 December 2025" not in late.explanation  # never an invented day
    assert judge(True, [(MID, D(150), "more_than")]).latest_text("") == "more than 150"


def test_the_reasons_are_given_for_what_is_not_judged():
    lower = judge(False, [(MID, D(30), "more_than")], baseline_value=D(40), target_value=D(10))
    assert lower.explanation == (
        "More than 30 on 1 January 2025: that could be any distance on the worse side of "
        "30, and lower is better, so it cannot be judged against the target. Not judged."
    )
    unknown = judge(True, [(MID, D(150))], baseline_value=None, baseline_date=None)
    assert "The baseline is not yet known" in unknown.explanation
    assert unknown.explanation.endswith("No baseline.")
    tracked = judge(
        True, [(MID, D(2200000), "more_than")], target_value=None, target_date=None, tracked=True
    )
    assert tracked.explanation == (
        "More than 2,200,000 on 1 January 2025. Tracked without a target, so no status is judged."
    )


def test_the_documented_rule_covers_every_new_case():
    for words in ("No baseline", "Tracked", "Not judged", "more than 100", "by 2025"):
        assert words in RULE_TEXT, words


# The plan's own problems, each naming its field --------------------------------

PROBLEMS = {
    "qualifier with no baseline value": (
        {
            "baseline_value": None,
            "baseline_unknown": True,
            "baseline_date": None,
            "baseline_qualifier": "more_than",
        },
        "baseline_qualifier",
    ),
    "qualifier with no target value": (
        {"target_value": None, "target_qualifier": "at_least"},
        ["target_value", "target_qualifier"],
    ),
    "tracked with a target value": ({"tracked": True, "target_date": None}, "target_value"),
    "tracked with a target date": ({"tracked": True, "target_value": None}, "target_date"),
    "not yet known with a value": (
        {"baseline_unknown": True, "baseline_date": None},
        "baseline_value",
    ),
    "not yet known with a date": (
        {"baseline_unknown": True, "baseline_value": None},
        "baseline_date",
    ),
    "known with no value": ({"baseline_value": None}, "baseline_value"),
    "no target and not tracked": ({"target_value": None}, "target_value"),
    "target year outside the horizon": (
        {"target_date": date(2035, 1, 1), "horizon": (2024, 2030)},
        "target_date",
    ),
    "target period ends before the baseline": ({"target_date": date(2023, 1, 1)}, "target_date"),
}


@pytest.mark.parametrize("case", list(PROBLEMS))
def test_plans_that_cannot_be_judged_are_refused_naming_the_field(case):
    changes, field = PROBLEMS[case]
    problems = plan_problems(**{**BASE, **changes})
    fields = field if isinstance(field, list) else [field]
    assert [problem.field for problem in problems] == fields
    assert all(isinstance(problem, PlanError) for problem in problems)


def test_what_the_status_rule_needs_is_all_it_asks():
    # Once refused, now a plan: a target equal to the baseline, a year target in the
    # horizon, a baseline year before it, a target within the baseline's own year.
    for changes in (
        {"target_value": D(100)},
        {"horizon": (2024, 2030)},
        {"baseline_precision": "year", "baseline_date": date(2020, 1, 1), "horizon": (2024, 2030)},
        {"baseline_precision": "year", "target_date": date(2024, 1, 1)},
    ):
        assert plan_problems(**{**BASE, **changes}) == [], changes
