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
        "No measurement has been recorded yet, so there is nothing to compare with the "
        "line from the baseline, 20% on 1 January 2025, to the target, 120% by "
        "11 April 2025. No data."
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
    assert result.explanation == (
        "On 21 January 2025 the latest measurement, 121%, beats the target of 120% "
        "(higher is better). Achieved."
    )


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


def test_a_target_equal_to_the_baseline_is_refused():
    with pytest.raises(ValueError, match="target must differ from the baseline"):
        rising([(HALFWAY, D(70))], target_value=D("20.00"))


@pytest.mark.parametrize("target_date", [START, START - timedelta(days=1)], ids=["same", "before"])
def test_a_target_date_on_or_before_the_baseline_date_is_refused(target_date):
    with pytest.raises(ValueError, match="target date must be after the baseline date"):
        rising([(HALFWAY, D(70))], target_date=target_date)


def test_a_plan_is_checked_even_with_no_measurements():
    with pytest.raises(ValueError):
        rising([], target_value=D(20))
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
            START, baseline_value=D(1), baseline_date=START, target_value=D(1), target_date=END
        )


# The explanation -------------------------------------------------------------


def test_the_explanation_gives_the_date_the_values_with_units_and_the_verdict():
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
        "On 30 June 2026 the line from baseline to target expected 62.5%; the latest "
        "measurement, 61.25%, is 5% of the planned change behind it. On track: within 10%."
    )


@pytest.mark.parametrize(
    ("latest", "ending"),
    [
        ("80", "is 10% of the planned change ahead of it. On track."),
        ("70", "is exactly on the line. On track."),
        (
            "50",
            "is 20% of the planned change behind it. At risk: more than 10% but no more "
            "than 25% behind.",
        ),
        ("30", "is 40% of the planned change behind it. Off track: more than 25% behind."),
    ],
)
def test_the_explanation_says_which_side_of_the_line_and_why(latest, ending):
    result = rising([(HALFWAY, D(latest))], unit="days")

    assert result.explanation == (
        f"On 20 February 2025 the line from baseline to target expected 70 days; the latest "
        f"measurement, {latest} days, {ending}"
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
    assert "£1,234.5" in result.explanation
    assert "£1,000" in result.explanation

    behind = assess_kpi(
        higher_is_better=True,
        baseline_value=D(0),
        baseline_date=START,
        target_value=D(1000),
        target_date=START + timedelta(days=300),
        measurements=[(START + timedelta(days=100), D(300))],
        unit="£",
    )
    assert "expected £333.33;" in behind.explanation
    assert "£300, is 3.3% of the planned change behind it" in behind.explanation


def test_the_deadline_explanation_says_how_far_short():
    result = falling([(day(101), D(30))], unit="days")

    assert result.explanation == (
        "On 12 April 2025, after the target date of 11 April 2025, the latest measurement, "
        "30 days, has not reached the target of 20 days: it is 10% of the planned change "
        "short of it. Off track: the target date has passed."
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

    assert "expected 54.7%;" in result.explanation
    assert "56.2%" in result.explanation
