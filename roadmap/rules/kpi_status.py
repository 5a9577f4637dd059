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
   For a KPI that counts whole things (services, cases, people) the expected
   value is rounded to the nearest whole number, half up: nobody is 0.4 of a
   service behind.
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

The explanation reads as a board reads it, the latest value against the plan
and how far ahead or behind it is, then the status: "56.2% against 54.7%
planned for 30 June 2026: 1.5 points ahead of plan. On track." A gap between
percentages is in points; any other gap is in the KPI's unit ("38 services",
"3.5 days", "£0.3m"). "Ahead" is always the better side: lower than planned
when lower is better. Counts are shown whole, computed quantities as precisely
as the values typed in (at least one decimal place; money to the penny).

All arithmetic is Decimal; dates count as whole days.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

from ui.formatting import CURRENCY_SYMBOLS, as_decimal, format_date, format_value

ON_TRACK_TOLERANCE = Decimal("0.10")
AT_RISK_TOLERANCE = Decimal("0.25")
MAX_PLACES = 4  # as precise as a stored KPI value

_ON = f"{ON_TRACK_TOLERANCE * 100:.0f}%"
_AT = f"{AT_RISK_TOLERANCE * 100:.0f}%"
RULE_TEXT = (
    "Each KPI plans a straight line from its baseline to its target. We compare the "
    "latest measurement with where that line is on the measurement's date, and measure "
    "the gap as a share of the whole planned change. For a KPI that counts whole things "
    "(services, cases, people), where the line is on that date is rounded to a whole number. "
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
    counts_whole_things: bool = False,
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
                "Nothing has been measured yet. The plan runs from "
                f"{format_value(baseline_value, unit)} on {format_date(baseline_date)} to "
                f"{format_value(target_value, unit)} by {format_date(target_date)}. No data."
            ),
        )

    judged_on, latest = latest_entry[0], as_decimal(latest_entry[1], "measurement value")
    direction = 1 if higher_is_better else -1
    change = target_value - baseline_value
    total = Decimal((target_date - baseline_date).days)
    elapsed = _clamp(Decimal((judged_on - baseline_date).days), total)
    expected = baseline_value + change * elapsed / total
    if counts_whole_things:
        # Nobody is 0.4 of a service behind: a count's line is at a whole number.
        expected = expected.quantize(Decimal(1), rounding=ROUND_HALF_UP)
        shortfall = direction * (expected - latest) / abs(change)
    else:
        # One division at the end, so a gap of exactly 10% is exactly 0.10.
        shortfall = (
            direction
            * (elapsed * change - (latest - baseline_value) * total)
            / (total * abs(change))
        )

    places = _places(unit, counts_whole_things, baseline_value, target_value, latest)
    on_day = format_date(judged_on)
    latest_text = format_value(latest, unit)
    target_text = format_value(target_value, unit)

    met = latest >= target_value if higher_is_better else latest <= target_value
    if met:
        verb = "meeting" if latest == target_value else "beating"
        return KPIAssessment(
            status=KPIStatus.ACHIEVED,
            judged_on=judged_on,
            latest=latest,
            expected=expected,
            shortfall=shortfall,
            explanation=f"{latest_text} on {on_day}, {verb} the target of {target_text}. Achieved.",
        )

    if judged_on > target_date:
        # The line has reached the target, and the target is not met: always behind.
        short = _difference(abs(target_value - latest), unit, places)
        return KPIAssessment(
            status=KPIStatus.OFF_TRACK,
            judged_on=judged_on,
            latest=latest,
            expected=expected,
            shortfall=shortfall,
            explanation=(
                f"{latest_text} on {on_day} against a target of {target_text} by "
                f"{format_date(target_date)}: {short} short of the target, and the target "
                "date has passed. Off track."
            ),
        )

    # The planned value as shown, precise enough that a gap never reads as none.
    shown = expected.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    while shown == latest != expected and places < MAX_PLACES:
        places += 1
        shown = expected.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    if latest == shown:
        position = "on plan"
    else:
        gap = _difference(abs(latest - shown), unit, places)
        position = f"{gap} {'ahead of' if shortfall < 0 else 'behind'} plan"
    if shortfall <= ON_TRACK_TOLERANCE:
        status = KPIStatus.ON_TRACK
    elif shortfall <= AT_RISK_TOLERANCE:
        status = KPIStatus.AT_RISK
    else:
        status = KPIStatus.OFF_TRACK
    return KPIAssessment(
        status=status,
        judged_on=judged_on,
        latest=latest,
        expected=expected,
        shortfall=shortfall,
        explanation=(
            f"{latest_text} against {format_value(shown, unit)} planned for {on_day}: "
            f"{position}. {status.label}."
        ),
    )


def whole_number_problem(
    value: Decimal | int | None, *, what: str, counts_whole_things: bool, unit: str = ""
) -> str | None:
    """Why `value` cannot be a value of a KPI that counts whole things, or None:
    "Baseline must be a whole number: this KPI counts services." The KPI and
    measurement forms, the admin and the services all ask this."""
    if not counts_whole_things or value is None or isinstance(value, bool):
        return None
    if not isinstance(value, Decimal | int) or not Decimal(value).is_finite():
        return None  # not a number at all: the field's own check says so
    if value == Decimal(value).to_integral_value():
        return None
    return f"{what} must be a whole number: this KPI counts {unit.strip() or 'whole things'}."


def is_percentage(unit: str) -> bool:
    return unit.strip().startswith("%")


def _places(unit: str, counts_whole_things: bool, *values: Decimal) -> int:
    """Computed values as precise as anything typed in, and never coarser than one
    decimal place: "54.7%", not "54.655%" (money keeps its pence). Counts: none."""
    if counts_whole_things:
        return 0
    return max(2 if unit.strip() in CURRENCY_SYMBOLS else 1, *(_decimal_places(v) for v in values))


def _difference(gap: Decimal, unit: str, places: int) -> str:
    """How far apart two values are: "1.5 points" between percentages, else in the
    KPI's unit: "38 services", "3.5 days", "£0.3m"."""
    if is_percentage(unit):
        return format_value(gap, "points", places=places)
    return format_value(gap, unit, places=places)


def _clamp(elapsed: Decimal, total: Decimal) -> Decimal:
    return min(max(elapsed, Decimal(0)), total)


def _decimal_places(value: Decimal) -> int:
    exponent = value.normalize().as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0
