"""The KPI status rule: the straight line from baseline to target, judged at the
latest measurement, with 10% and 25% tolerances, "achieved" and "no data"."""

from datetime import date, timedelta
from decimal import Decimal

import pytest

from roadmap.rules.kpi_status import (
    AT_RISK_TOLERANCE,
    ON_TRACK_TOLERANCE,
    RULE_TEXT,
    KPIStatus,
    assess_kpi,
    check_plan,
    expected_on,
    whole_number_problem,
)
from ui.formatting import format_date, format_value

D = Decimal
START = date(2025, 1, 1)
END = START + timedelta(days=100)
HALFWAY = START + timedelta(days=50)


def day(n: int) -> date:
    return START + timedelta(days=n)


def rising(measurements, **overrides):
    """A higher-is-better KPI from 20 to 120 over 100 days: the line is at 70 on day 50."""
    kwargs = dict(
        higher_is_better=True,
        baseline_value=D(20),
        baseline_date=START,
        target_value=D(120),
        target_date=END,
        measurements=measurements,
    )
    return assess_kpi(**{**kwargs, **overrides})


def falling(measurements, **overrides):
    """A lower-is-better KPI from 120 to 20 over 100 days: the line is at 70 on day 50."""
    kwargs = dict(
        higher_is_better=False,
        baseline_value=D(120),
        baseline_date=START,
        target_value=D(20),
        target_date=END,
        measurements=measurements,
    )
    return assess_kpi(**{**kwargs, **overrides})


# Increasing KPIs, at and around the thresholds --------------------------------


@pytest.mark.parametrize(
    ("latest", "status", "shortfall"),
    [
        pytest.param("80", KPIStatus.ON_TRACK, "-0.1", id="ahead"),
        pytest.param("70", KPIStatus.ON_TRACK, "0", id="on-the-line"),
        pytest.param("65", KPIStatus.ON_TRACK, "0.05", id="slightly-behind"),
        pytest.param("60", KPIStatus.ON_TRACK, "0.1", id="exactly-10-percent"),
        pytest.param("59.9", KPIStatus.AT_RISK, "0.101", id="just-over-10-percent"),
        pytest.param("50", KPIStatus.AT_RISK, "0.2", id="20-percent"),
        pytest.param("45", KPIStatus.AT_RISK, "0.25", id="exactly-25-percent"),
        pytest.param("44.9", KPIStatus.OFF_TRACK, "0.251", id="just-over-25-percent"),
        pytest.param("10", KPIStatus.OFF_TRACK, "0.6", id="below-baseline"),
    ],
)
def test_increasing_kpi_is_judged_against_the_line(latest, status, shortfall):
    result = rising([(HALFWAY, D(latest))])

    assert result.status == status
    assert result.expected == D(70)
    assert result.shortfall == D(shortfall)
    assert result.latest == D(latest)
    assert result.judged_on == HALFWAY


def test_thresholds_are_the_documented_constants():
    assert D("0.10") == ON_TRACK_TOLERANCE
    assert D("0.25") == AT_RISK_TOLERANCE
    assert "10%" in RULE_TEXT
    assert "25%" in RULE_TEXT
    for label in ("On track", "At risk", "Off track", "Achieved", "No data"):
        assert label in RULE_TEXT


# Decreasing KPIs (lower is better) ------------------------------------------


@pytest.mark.parametrize(
    ("latest", "status", "shortfall"),
    [
        pytest.param("60", KPIStatus.ON_TRACK, "-0.1", id="ahead"),
        pytest.param("70", KPIStatus.ON_TRACK, "0", id="on-the-line"),
        pytest.param("80", KPIStatus.ON_TRACK, "0.1", id="exactly-10-percent"),
        pytest.param("80.1", KPIStatus.AT_RISK, "0.101", id="just-over-10-percent"),
        pytest.param("95", KPIStatus.AT_RISK, "0.25", id="exactly-25-percent"),
        pytest.param("95.1", KPIStatus.OFF_TRACK, "0.251", id="just-over-25-percent"),
        pytest.param("130", KPIStatus.OFF_TRACK, "0.6", id="worse-than-baseline"),
        pytest.param("20", KPIStatus.ACHIEVED, "-0.5", id="target-met"),
        pytest.param("15", KPIStatus.ACHIEVED, "-0.55", id="target-beaten"),
    ],
)
def test_decreasing_kpi_is_judged_in_its_own_direction(latest, status, shortfall):
    result = falling([(HALFWAY, D(latest))])

    assert result.status == status
    assert result.expected == D(70)
    assert result.shortfall == D(shortfall)


def test_a_target_on_the_wrong_side_of_the_baseline_is_a_limit_to_hold():
    # "Keep the backlog at or below 10 days", from 8 days: lower is better.
    def judge(value):
        return assess_kpi(
            higher_is_better=False,
            baseline_value=D(8),
            baseline_date=START,
            target_value=D(10),
            target_date=END,
            measurements=[(HALFWAY, D(value))],
        )

    assert judge("9").status == KPIStatus.ACHIEVED
    over = judge("11")
    assert over.shortfall == D(1)  # 11 is 2 days above a line at 9, for a planned change of 2
    assert over.status == KPIStatus.OFF_TRACK


# No measurements, one, and where they fall in time ----------------------------


def test_no_measurements_means_no_data():
    result = rising([], unit="%")

    assert result.status == KPIStatus.NO_DATA
    assert result.judged_on is None
    assert result.latest is None
    assert result.expected is None
    assert result.shortfall is None
    assert result.explanation == (
        "Nothing has been measured yet. The plan runs from 20% on 1 January 2025 to 120% "
        "by 11 April 2025. No data."
    )


def test_a_single_measurement_is_judged_on_its_own_date():
    result = rising([(day(25), D(40))])

    assert result.judged_on == day(25)
    assert result.latest == D(40)
    assert result.expected == D(45)
    assert result.shortfall == D("0.05")
    assert result.status == KPIStatus.ON_TRACK


@pytest.mark.parametrize(
    ("latest", "status", "shortfall"),
    [
        pytest.param("20", KPIStatus.ON_TRACK, "0", id="at-baseline"),
        pytest.param("5", KPIStatus.AT_RISK, "0.15", id="worse-than-baseline"),
        pytest.param("-10", KPIStatus.OFF_TRACK, "0.3", id="much-worse"),
    ],
)
def test_a_measurement_on_the_baseline_date_expects_the_baseline(latest, status, shortfall):
    result = rising([(START, D(latest))])

    assert result.expected == D(20)
    assert result.shortfall == D(shortfall)
    assert result.status == status


def test_a_measurement_before_the_baseline_date_expects_the_baseline():
    result = rising([(day(-30), D(20))])

    assert result.expected == D(20)
    assert result.status == KPIStatus.ON_TRACK


def test_on_the_target_date_the_tolerance_still_applies():
    result = rising([(END, D(115))])

    assert result.expected == D(120)
    assert result.shortfall == D("0.05")
    assert result.status == KPIStatus.ON_TRACK


def test_after_the_target_date_an_unmet_target_is_off_track_whatever_the_gap():
    result = rising([(day(130), D(115))], unit="%")

    assert result.expected == D(120)  # the line stops at the target
    assert result.shortfall == D("0.05")  # within 10%, but the deadline has passed
    assert result.status == KPIStatus.OFF_TRACK
    assert "target date has passed" in result.explanation
    assert "11 April 2025" in result.explanation


def test_after_the_target_date_a_falling_kpi_not_yet_down_to_target_is_off_track():
    assert falling([(day(101), D(21))]).status == KPIStatus.OFF_TRACK


@pytest.mark.parametrize("value", ["120", "125"])
def test_after_the_target_date_a_met_target_is_achieved(value):
    assert rising([(day(130), D(value))]).status == KPIStatus.ACHIEVED


def test_a_target_met_early_is_achieved():
    result = rising([(day(10), D(50)), (day(20), D(121))], unit="%")

    assert result.status == KPIStatus.ACHIEVED
    assert result.judged_on == day(20)
    assert result.explanation == "121% on 21 January 2025, beating the target of 120%. Achieved."


def test_the_latest_measurement_counts_even_when_an_earlier_one_met_the_target():
    result = rising([(day(10), D(125)), (day(60), D(60))])

    assert result.status == KPIStatus.AT_RISK  # the line is at 80 on day 60
    assert result.latest == D(60)


def test_measurements_need_not_be_sorted():
    result = rising([(day(50), D(70)), (day(80), D(30)), (day(20), D(120))])

    assert result.judged_on == day(80)
    assert result.latest == D(30)
    assert result.status == KPIStatus.OFF_TRACK


def test_of_two_measurements_on_the_same_latest_date_the_last_given_counts():
    result = rising([(day(50), D(10)), (day(40), D(99)), (day(50), D(70))])

    assert result.latest == D(70)
    assert result.status == KPIStatus.ON_TRACK


def test_integers_are_accepted_and_floats_refused():
    assert rising([(HALFWAY, 70)]).status == KPIStatus.ON_TRACK
    with pytest.raises(TypeError, match="Decimal"):
        rising([(HALFWAY, 70.0)])


# Plans that are not plans ----------------------------------------------------


def test_a_target_equal_to_the_baseline_is_one_to_hold():
    # Issue 12: "keep it at 20" is a plan; before, it was refused.
    held = rising([(HALFWAY, D(20))], target_value=D("20.00"))
    slipped = rising([(HALFWAY, D(15))], target_value=D("20.00"))
    assert held.status == KPIStatus.ACHIEVED
    assert slipped.status == KPIStatus.OFF_TRACK
    assert slipped.explanation.endswith("against a target to hold 20: 5 short of it. Off track.")


@pytest.mark.parametrize("target_date", [START, START - timedelta(days=1)], ids=["same", "before"])
def test_a_target_date_on_or_before_the_baseline_date_is_refused(target_date):
    with pytest.raises(ValueError, match="target date must be after the baseline date"):
        rising([(HALFWAY, D(70))], target_date=target_date)


def test_a_plan_is_checked_even_with_no_measurements():
    with pytest.raises(ValueError):
        rising([], target_date=START)
    with pytest.raises(ValueError):
        check_plan(baseline_value=D(1), baseline_date=START, target_value=D(2), target_date=START)


# The planned line ------------------------------------------------------------


@pytest.mark.parametrize(
    ("on", "value"),
    [(-10, "20"), (0, "20"), (25, "45"), (50, "70"), (100, "120"), (400, "120")],
)
def test_expected_on_follows_the_line_and_stops_at_its_ends(on, value):
    plan = dict(baseline_value=D(20), baseline_date=START, target_value=D(120), target_date=END)
    assert expected_on(day(on), **plan) == D(value)


def test_expected_on_refuses_a_plan_that_is_not_one():
    with pytest.raises(ValueError):
        expected_on(
            START, baseline_value=D(1), baseline_date=START, target_value=D(2), target_date=START
        )


# The explanation: the sentence a board reads ----------------------------------


def test_the_explanation_gives_the_value_the_plan_the_gap_and_the_verdict():
    # The line runs from 50% on 1 January 2026 to 75% 360 days later: 62.5% on 30 June.
    result = assess_kpi(
        higher_is_better=True,
        baseline_value=D(50),
        baseline_date=date(2026, 1, 1),
        target_value=D(75),
        target_date=date(2026, 12, 27),
        measurements=[(date(2026, 6, 30), D("61.25"))],
        unit="%",
    )

    assert result.explanation == (
        "61.25% against 62.5% planned for 30 June 2026: 1.25 points behind plan. On track."
    )


def test_the_boards_percentage_sentence():
    # 50% to 60% over 100 days: 54.7% planned on day 47.
    result = rising([(day(47), D("56.2"))], baseline_value=D(50), target_value=D(60), unit="%")

    assert result.explanation == (
        "56.2% against 54.7% planned for 17 February 2025: 1.5 points ahead of plan. On track."
    )


def test_the_boards_count_sentence():
    # 300 to 500 services over 100 days: 450 planned on day 75.
    result = rising(
        [(day(75), D(412))],
        baseline_value=D(300),
        target_value=D(500),
        unit="services",
        counts_whole_things=True,
    )

    assert result.explanation == (
        "412 services against 450 services planned for 17 March 2025: 38 services behind "
        "plan. At risk."
    )


def test_the_boards_money_sentence():
    # £0m to £3m over 100 days: £1.5m planned halfway.
    result = rising([(HALFWAY, D("1.2"))], baseline_value=D(0), target_value=D(3), unit="£m")

    assert result.explanation == (
        "£1.2m against £1.5m planned for 20 February 2025: £0.3m behind plan. On track."
    )


# Each direction and kind of unit, ahead of, behind and on the plan. Both plans are at
# 70 halfway: rising from 20 to 120, falling from 120 to 20 (lower is better).
UNITS = {
    "count": ("services", True),
    "percent": ("%", False),
    "money": ("£", False),
    "other quantity": ("days", False),
}
GAPS = {
    "count": ("5 services", "20 services"),
    "percent": ("5 points", "20 points"),
    "money": ("£5", "£20"),
    "other quantity": ("5 days", "20 days"),
}


@pytest.mark.parametrize("kind", UNITS)
@pytest.mark.parametrize("higher_is_better", [True, False], ids=["higher", "lower"])
@pytest.mark.parametrize("where", ["ahead", "behind", "on plan"])
def test_the_sentence_for_each_direction_and_kind_of_unit(kind, higher_is_better, where):
    unit, whole = UNITS[kind]
    better = 1 if higher_is_better else -1
    latest = {"ahead": 70 + 5 * better, "behind": 70 - 20 * better, "on plan": 70}[where]
    judge = rising if higher_is_better else falling
    result = judge([(HALFWAY, D(latest))], unit=unit, counts_whole_things=whole)

    small, large = GAPS[kind]
    position, status = {
        "ahead": (f"{small} ahead of plan", "On track"),
        "behind": (f"{large} behind plan", "At risk"),
        "on plan": ("on plan", "On track"),
    }[where]
    assert result.status.label == status
    assert result.explanation == (
        f"{format_value(D(latest), unit)} against {format_value(D(70), unit)} planned for "
        f"20 February 2025: {position}. {status}."
    )


def test_lower_is_better_ahead_of_plan_means_lower_than_planned():
    ahead = falling([(HALFWAY, D(60))], unit="days")
    behind = falling([(HALFWAY, D(80))], unit="days")

    assert "60 days against 70 days planned" in ahead.explanation
    assert "10 days ahead of plan" in ahead.explanation
    assert "10 days behind plan" in behind.explanation


def test_a_count_is_planned_in_whole_things():
    # 0 to 12 services over 100 days: the line is at 5.28 on day 44, so 5 are planned.
    def judge(latest):
        return rising(
            [(day(44), D(latest))],
            baseline_value=D(0),
            target_value=D(12),
            unit="services",
            counts_whole_things=True,
        )

    on_plan = judge(5)
    assert on_plan.expected == D(5)
    assert on_plan.shortfall == D(0)
    assert on_plan.explanation == (
        "5 services against 5 services planned for 14 February 2025: on plan. On track."
    )
    behind = judge(4)
    assert "1 service behind plan" in behind.explanation
    assert behind.shortfall == D(1) / D(12)
    assert "2 services ahead of plan" in judge(7).explanation
    for latest in range(13):
        assert "5.3" not in judge(latest).explanation
        assert "5.28" not in judge(latest).explanation


def test_a_count_too_small_to_be_behind_reads_as_on_plan_and_on_track():
    # 0 to 2 cases: the line is at 0.4 on day 20, which is no case at all yet.
    result = rising(
        [(day(20), D(0))],
        baseline_value=D(0),
        target_value=D(2),
        unit="cases",
        counts_whole_things=True,
    )
    assert result.status == KPIStatus.ON_TRACK
    assert result.explanation.endswith("0 cases planned for 21 January 2025: on plan. On track.")


def test_one_point_and_one_thing_are_singular():
    percent = rising([(HALFWAY, D(69))], unit="%")
    count = rising([(HALFWAY, D(71))], unit="services", counts_whole_things=True)

    assert "1 point behind plan" in percent.explanation
    assert "1 service ahead of plan" in count.explanation


def test_a_small_gap_never_reads_as_on_plan():
    # 1% to 1.1% over 100 days: 1.04% planned on day 40; 1.0% is 40% of the change short.
    result = rising([(day(40), D("1.0"))], baseline_value=D(1), target_value=D("1.1"), unit="%")

    assert result.status == KPIStatus.OFF_TRACK
    assert result.explanation == (
        "1% against 1.04% planned for 10 February 2025: 0.04 points behind plan. Off track."
    )


def test_the_explanation_rounds_computed_values_but_not_measured_ones():
    # A third of the way from 0 to 1,000: the line is at 333.33...
    result = assess_kpi(
        higher_is_better=True,
        baseline_value=D(0),
        baseline_date=START,
        target_value=D(1000),
        target_date=START + timedelta(days=300),
        measurements=[(START + timedelta(days=100), D("1234.5"))],
        unit="£",
    )
    assert result.status == KPIStatus.ACHIEVED
    assert result.explanation == (
        "£1,234.50 on 11 April 2025, beating the target of £1,000. Achieved."
    )

    behind = assess_kpi(
        higher_is_better=True,
        baseline_value=D(0),
        baseline_date=START,
        target_value=D(1000),
        target_date=START + timedelta(days=300),
        measurements=[(START + timedelta(days=100), D(300))],
        unit="£",
    )
    assert behind.explanation == (
        "£300 against £333.33 planned for 11 April 2025: £33.33 behind plan. On track."
    )


def test_a_target_met_exactly_is_met():
    result = falling([(HALFWAY, D(20))], unit="cases", counts_whole_things=True)

    assert (
        result.explanation
        == "20 cases on 20 February 2025, meeting the target of 20 cases. Achieved."
    )


def test_the_deadline_explanation_says_how_far_short():
    result = falling([(day(101), D(30))], unit="days")

    assert result.explanation == (
        "30 days on 12 April 2025 against a target of 20 days by 11 April 2025: 10 days "
        "short of the target, and the target date has passed. Off track."
    )


def test_the_deadline_explanation_for_a_percentage_is_in_points():
    result = rising([(day(130), D("115.5"))], unit="%")

    assert "115.5% on 11 May 2025 against a target of 120% by 11 April 2025" in (result.explanation)
    assert "4.5 points short of the target" in result.explanation


# Whole numbers for counts -----------------------------------------------------


@pytest.mark.parametrize("value", [D(0), D(412), D("412.000"), D(-3), 7])
def test_a_whole_value_is_a_count(value):
    assert (
        whole_number_problem(value, what="Baseline", counts_whole_things=True, unit="services")
        is None
    )


def test_a_fraction_is_not_a_count_and_the_message_names_the_things_counted():
    assert whole_number_problem(
        D("5.3"), what="Baseline", counts_whole_things=True, unit="services"
    ) == ("Baseline must be a whole number: this KPI counts services.")
    assert whole_number_problem(D("0.5"), what="Value", counts_whole_things=True, unit="") == (
        "Value must be a whole number: this KPI counts whole things."
    )


def test_a_quantity_may_be_a_fraction():
    assert (
        whole_number_problem(D("5.3"), what="Baseline", counts_whole_things=False, unit="%") is None
    )


# Formatting ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "unit", "text"),
    [
        ("1250", "days", "1,250 days"),
        ("62.50", "%", "62.5%"),
        ("1250", "£", "£1,250"),
        ("-1250.5", "£", "-£1,250.50"),
        ("1.2", "£m", "£1.2m"),
        ("40", "€ per claim", "€40 per claim"),
        ("3", "US$", "US$3"),
        ("-3.20", "points", "-3.2 points"),
        ("1E+3", "", "1,000"),
        ("1234567.000", " ", "1,234,567"),
        ("0.000", "%", "0%"),
        ("0.05", "%", "0.05%"),
        ("62.5", "% of calls answered", "62.5% of calls answered"),
        ("12", " hours ", "12 hours"),
    ],
)
def test_format_value(value, unit, text):
    assert format_value(D(value), unit) == text


@pytest.mark.parametrize(
    ("value", "places", "text"),
    [("333.3333", 2, "333.33"), ("2.675", 2, "2.68"), ("1.5", 0, "2"), ("-0.001", 2, "0")],
)
def test_format_value_rounds_half_up_when_asked(value, places, text):
    assert format_value(D(value), places=places) == text


def test_format_date_is_the_same_in_every_locale():
    assert format_date(date(2026, 6, 30)) == "30 June 2026"
    assert format_date(date(2025, 12, 1)) == "1 December 2025"


def test_money_shows_pence_and_multipliers_stay_short():
    assert format_value(D("8.4"), "£") == "£8.40"
    assert format_value(D("8"), "£") == "£8"
    assert format_value(D("3.9"), "£m") == "£3.9m"


def test_computed_values_are_as_precise_as_the_inputs_not_more():
    """A board reads "54.7%", not "54.655%"."""
    result = assess_kpi(
        higher_is_better=True,
        baseline_value=D(42),
        baseline_date=START,
        target_value=D(80),
        target_date=START + timedelta(days=1000),
        measurements=[(START + timedelta(days=333), D("56.2"))],
        unit="%",
    )

    assert "56.2% against 54.7% planned" in result.explanation
