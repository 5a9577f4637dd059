"""The one rule that judges a KPI: on track, at risk, off track, achieved or no data.

A KPI plans a straight line from its baseline (value and date) to its target
(value and date). The latest measurement is compared with where that line is
on the measurement's date:

1. No measurements: **No data**.
2. The latest measurement is the one with the latest date (if two share a
   date, the one given last).
3. **Achieved** when the latest value meets or beats the target in the KPI's
   direction: at or above the target when higher is better, at or below it
   when lower is better.
4. Otherwise the *expected* value is the point on the straight line at the
   latest measurement's date: baseline + (target - baseline) x the fraction of
   the time from the baseline date to the target date that has passed,
   clamped to 0..1 (so after the target date the line is at the target).
5. The *shortfall* is how far the latest value is behind that line, in the
   KPI's direction, as a fraction of the planned change |target - baseline|.
   Negative means ahead of the line.
6. **On track** when the shortfall is at most 10%; **At risk** when it is more
   than 10% and at most 25%; **Off track** when it is more than 25%.
7. **Off track** whatever the shortfall when the latest measurement is dated
   after the target date and the target is not met: the deadline has passed.

A baseline equal to the target, or a target date on or before the baseline
date, is not a plan: `assess_kpi` raises ValueError (the KPI forms refuse both
before this is called). A target on the "wrong" side of the baseline (a
ceiling or floor to hold, such as "keep waiting time at or below 10 days" from
a baseline of 8) is allowed: it is achieved while it is met, and judged in the
KPI's direction when it is not.

All arithmetic is Decimal; dates count as whole days.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum

from ui.formatting import CURRENCY_SYMBOLS, as_decimal, format_date, format_value

ON_TRACK_TOLERANCE = Decimal("0.10")
AT_RISK_TOLERANCE = Decimal("0.25")

_ON = f"{ON_TRACK_TOLERANCE * 100:.0f}%"
_AT = f"{AT_RISK_TOLERANCE * 100:.0f}%"
RULE_TEXT = (
    "Each KPI plans a straight line from its baseline to its target. We compare the "
    "latest measurement with where that line is on the measurement's date, and measure "
    "the gap as a share of the whole planned change. "
    f"On track: no more than {_ON} behind the line, or ahead of it. "
    f"At risk: more than {_ON} and no more than {_AT} behind. "
    f"Off track: more than {_AT} behind, or the target date has passed without the "
    "target being met. "
    "Achieved: the latest measurement meets or beats the target. "
    "No data: nothing has been measured yet."
)


class KPIStatus(StrEnum):
    NO_DATA = "no_data"
    ON_TRACK = "on_track"
    AT_RISK = "at_risk"
    OFF_TRACK = "off_track"
    ACHIEVED = "achieved"

    @property
    def label(self) -> str:
        """How the status reads in a sentence: "On track"."""
        return _STATUS_LABELS[self]


_STATUS_LABELS = {
    KPIStatus.NO_DATA: "No data",
    KPIStatus.ON_TRACK: "On track",
    KPIStatus.AT_RISK: "At risk",
    KPIStatus.OFF_TRACK: "Off track",
    KPIStatus.ACHIEVED: "Achieved",
}


# The order statuses are listed and counted in: best news first, then "no data".
STATUS_ORDER = (
    KPIStatus.ACHIEVED,
    KPIStatus.ON_TRACK,
    KPIStatus.AT_RISK,
    KPIStatus.OFF_TRACK,
    KPIStatus.NO_DATA,
)


@dataclass(frozen=True)
class KPIAssessment:
    status: KPIStatus
    judged_on: date | None  # the latest measurement's date
    latest: Decimal | None
    expected: Decimal | None  # the straight-line value at judged_on
    shortfall: Decimal | None  # behind the line, as a fraction of the planned change
    explanation: str  # plain English, for the page and the PDF


class PlanError(ValueError):
    """Baseline and target that make no plan; `field` names the one to correct."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field


def plan_problems(
    *,
    baseline_value: Decimal | None,
    baseline_date: date | None,
    target_value: Decimal | None,
    target_date: date | None,
) -> list[PlanError]:
    """Every reason baseline and target make no plan, each naming its field. A
    pair with a missing half is not judged (the form says it is missing)."""
    problems = []
    same = (
        baseline_value is not None
        and target_value is not None
        and as_decimal(target_value, "target value") == as_decimal(baseline_value, "baseline")
    )
    if same:
        problems.append(
            PlanError(
                "target_value", "The target must differ from the baseline: a KPI measures a change."
            )
        )
    if baseline_date is not None and target_date is not None and target_date <= baseline_date:
        problems.append(
            PlanError(
                "target_date",
                f"The target date must be after the baseline date ({format_date(baseline_date)}).",
            )
        )
    return problems


def check_plan(
    *, baseline_value: Decimal, baseline_date: date, target_value: Decimal, target_date: date
) -> None:
    """Raise the first PlanError unless baseline and target make a plan. The KPI
    form, the admin and the KPI services all judge by `plan_problems`."""
    problems = plan_problems(
        baseline_value=as_decimal(baseline_value, "baseline value"),
        baseline_date=baseline_date,
        target_value=as_decimal(target_value, "target value"),
        target_date=target_date,
    )
    if problems:
        raise problems[0]


def expected_on(
    day: date,
    *,
    baseline_value: Decimal,
    baseline_date: date,
    target_value: Decimal,
    target_date: date,
) -> Decimal:
    """The planned straight line's value on `day`: the baseline before the baseline
    date, the target after the target date, in proportion to the days between."""
    check_plan(
        baseline_value=baseline_value,
        baseline_date=baseline_date,
        target_value=target_value,
        target_date=target_date,
    )
    baseline_value = as_decimal(baseline_value, "baseline value")
    target_value = as_decimal(target_value, "target value")
    total = Decimal((target_date - baseline_date).days)
    elapsed = _clamp(Decimal((day - baseline_date).days), total)
    return baseline_value + (target_value - baseline_value) * elapsed / total


def assess_kpi(
    *,
    higher_is_better: bool,
    baseline_value: Decimal,
    baseline_date: date,
    target_value: Decimal,
    target_date: date,
    measurements: Sequence[tuple[date, Decimal]],
    unit: str = "",
) -> KPIAssessment:
    """Judge a KPI by the rule in this module's docstring (and RULE_TEXT)."""
    check_plan(
        baseline_value=baseline_value,
        baseline_date=baseline_date,
        target_value=target_value,
        target_date=target_date,
    )
    baseline_value = as_decimal(baseline_value, "baseline value")
    target_value = as_decimal(target_value, "target value")

    latest_entry: tuple[date, Decimal] | None = None
    for entry in measurements:
        if latest_entry is None or entry[0] >= latest_entry[0]:
            latest_entry = entry
    if latest_entry is None:
        return KPIAssessment(
            status=KPIStatus.NO_DATA,
            judged_on=None,
            latest=None,
            expected=None,
            shortfall=None,
            explanation=(
                "No measurement has been recorded yet, so there is nothing to compare with "
                f"the line from the baseline, {format_value(baseline_value, unit)} on "
                f"{format_date(baseline_date)}, to the target, "
                f"{format_value(target_value, unit)} by {format_date(target_date)}. No data."
            ),
        )

    judged_on, latest = latest_entry[0], as_decimal(latest_entry[1], "measurement value")
    direction = 1 if higher_is_better else -1
    change = target_value - baseline_value
    total = Decimal((target_date - baseline_date).days)
    elapsed = _clamp(Decimal((judged_on - baseline_date).days), total)
    expected = baseline_value + change * elapsed / total
    # One division at the end, so a gap of exactly 10% is exactly 0.10.
    shortfall = (
        direction * (elapsed * change - (latest - baseline_value) * total) / (total * abs(change))
    )

    # Computed values as precise as anything typed in, and never coarser than one
    # decimal place: "54.7%", not "54.655%" (money keeps its pence).
    places = max(
        2 if unit.strip() in CURRENCY_SYMBOLS else 1,
        *(_decimal_places(v) for v in (baseline_value, target_value, latest)),
    )
    on_day = f"On {format_date(judged_on)}"
    latest_text = format_value(latest, unit)
    target_text = format_value(target_value, unit)

    met = latest >= target_value if higher_is_better else latest <= target_value
    if met:
        verb = "meets" if latest == target_value else "beats"
        return KPIAssessment(
            status=KPIStatus.ACHIEVED,
            judged_on=judged_on,
            latest=latest,
            expected=expected,
            shortfall=shortfall,
            explanation=(
                f"{on_day} the latest measurement, {latest_text}, {verb} the target of "
                f"{target_text} ({'higher' if higher_is_better else 'lower'} is better). "
                "Achieved."
            ),
        )

    gap = _percent(abs(shortfall))
    if judged_on > target_date:
        # The line has reached the target, and the target is not met: always behind.
        return KPIAssessment(
            status=KPIStatus.OFF_TRACK,
            judged_on=judged_on,
            latest=latest,
            expected=expected,
            shortfall=shortfall,
            explanation=(
                f"{on_day}, after the target date of {format_date(target_date)}, the latest "
                f"measurement, {latest_text}, has not reached the target of {target_text}: "
                f"it is {gap} of the planned change short of it. "
                "Off track: the target date has passed."
            ),
        )

    if shortfall > 0:
        position = f"is {gap} of the planned change behind it"
    elif shortfall < 0:
        position = f"is {gap} of the planned change ahead of it"
    else:
        position = "is exactly on the line"
    on_track, at_risk = _percent(ON_TRACK_TOLERANCE), _percent(AT_RISK_TOLERANCE)
    if shortfall <= 0:
        status, verdict = KPIStatus.ON_TRACK, "On track."
    elif shortfall <= ON_TRACK_TOLERANCE:
        status, verdict = KPIStatus.ON_TRACK, f"On track: within {on_track}."
    elif shortfall <= AT_RISK_TOLERANCE:
        status = KPIStatus.AT_RISK
        verdict = f"At risk: more than {on_track} but no more than {at_risk} behind."
    else:
        status, verdict = KPIStatus.OFF_TRACK, f"Off track: more than {at_risk} behind."
    return KPIAssessment(
        status=status,
        judged_on=judged_on,
        latest=latest,
        expected=expected,
        shortfall=shortfall,
        explanation=(
            f"{on_day} the line from baseline to target expected "
            f"{format_value(expected, unit, places=places)}; the latest measurement, "
            f"{latest_text}, {position}. {verdict}"
        ),
    )


def _percent(fraction: Decimal) -> str:
    return format_value(fraction * 100, "%", places=1)


def _clamp(elapsed: Decimal, total: Decimal) -> Decimal:
    return min(max(elapsed, Decimal(0)), total)


def _decimal_places(value: Decimal) -> int:
    exponent = value.normalize().as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0
