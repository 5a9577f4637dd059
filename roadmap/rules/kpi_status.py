"""The one rule that judges a KPI: on track, at risk, off track, achieved, no data,
no baseline, tracked or not judged.

A KPI plans a straight line from its baseline (value and date) to its target
(value and date). The latest measurement is compared with where that line is
on the measurement's date:

1. **Tracked**: a KPI tracked without a target is never judged; its latest
   value and trend are shown.
2. No measurements: **No data**.
3. The latest measurement is the one with the latest date (if two share a
   date, the one given last).
4. Values may be qualified ("more than 100", "about 62%", see kpi_values). The
   rule judges the *conservative reading*: the number itself, read as the
   worst the true figure can be. When a value has none (the latest is "more
   than 30 incidents" and lower is better; a baseline of "more than 100" when
   higher is better, which puts the line anywhere above) the KPI is **Not
   judged**, and the explanation says why. "About" is read as the number.
5. **Achieved** when the latest value meets or beats the target in the KPI's
   direction: at or above the target when higher is better, at or below it
   when lower is better. A target of "more than 150" is met only above 150
   (or by a latest value of "more than 150").
6. **Off track** when the latest measurement is dated after the target date
   and the target is not met: the deadline has passed. A target date may be a
   day, a month, a quarter or a year: "by 2025" runs out on 31 December 2025.
7. **No baseline** when the baseline is not yet known: without it there is no
   line to be on or off.
8. Otherwise the *expected* value is the point on the straight line at the
   latest measurement's date: baseline + (target - baseline) x the fraction of
   the time from the start of the baseline's period to the end of the target's
   period that has passed, clamped to 0..1 (so after the target date the line
   is at the target). For a KPI that counts whole things (services, cases,
   people) the expected value is rounded to the nearest whole number, half up:
   nobody is 0.4 of a service behind. A target equal to the baseline is one to
   hold: not met, it is **Off track**.
9. The *shortfall* is how far the latest value is behind that line, in the
   KPI's direction, as a fraction of the planned change |target - baseline|.
   Negative means ahead of the line.
10. **On track** when the shortfall is at most 10%; **At risk** when it is more
    than 10% and at most 25%; **Off track** when it is more than 25%.

A target period that ends on or before the baseline's period starts is not a
plan: `assess_kpi` raises ValueError (the KPI forms refuse it before this is
called). A target on the "wrong" side of the baseline (a ceiling or floor to
hold, such as "keep waiting time at or below 10 days" from a baseline of 8) is
allowed: it is achieved while it is met, and judged in the KPI's direction
when it is not.

The explanation reads as a board reads it, the latest value against the plan
and how far ahead or behind it is, then the status: "56.2% against 54.7%
planned for 30 June 2026: 1.5 points ahead of plan. On track." A gap between
percentages is in points; any other gap is in the KPI's unit ("38 services",
"3.5 days", "£0.3m"). "Ahead" is always the better side: lower than planned
when lower is better. Counts are shown whole, computed quantities as precisely
as the values typed in (at least one decimal place; money to the penny).
Values keep their qualifiers ("more than 100") and dates their precision
("by 2025").

All arithmetic is Decimal; dates count as whole days.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

from ui.formatting import CURRENCY_SYMBOLS, as_decimal, format_date, format_value
from ui.periods import Precision, format_period, period_end, period_start

from .kpi_values import Qualifier, bound_problem, format_qualified, qualifier_problem

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
    "target being met. A target date given as a month, a quarter or a year runs to the "
    "end of it: \u201cby 2025\u201d means by 31 December 2025. "
    "Achieved: the latest measurement meets or beats the target. "
    "No data: nothing has been measured yet. "
    "No baseline: the starting figure is not yet known, so there is no line to compare "
    "with (a KPI is still achieved when the target is met, and off track when its "
    "target date has passed without it). "
    "Tracked: the figure is followed without a target, so no status is judged. "
    "A value given as \u201cmore than\u201d, \u201cat least\u201d, \u201cat most\u201d "
    "or \u201cfewer than\u201d a number is judged on that number, the worst it can be "
    "(\u201cmore than 100\u201d counts as 100); \u201cabout 100\u201d counts as 100. "
    "Not judged: a value that could be any distance on the worse side "
    "(\u201cmore than 30 incidents\u201d when fewer is better) cannot be judged, and "
    "the reason is given."
)


class KPIStatus(StrEnum):
    NO_DATA = "no_data"
    ON_TRACK = "on_track"
    AT_RISK = "at_risk"
    OFF_TRACK = "off_track"
    ACHIEVED = "achieved"
    NO_BASELINE = "no_baseline"
    TRACKED = "tracked"
    NOT_JUDGED = "not_judged"

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
    KPIStatus.NO_BASELINE: "No baseline",
    KPIStatus.TRACKED: "Tracked",
    KPIStatus.NOT_JUDGED: "Not judged",
}


# The order statuses are listed and counted in: best news first, then the ones
# that are not judged.
STATUS_ORDER = (
    KPIStatus.ACHIEVED,
    KPIStatus.ON_TRACK,
    KPIStatus.AT_RISK,
    KPIStatus.OFF_TRACK,
    KPIStatus.NO_DATA,
    KPIStatus.NO_BASELINE,
    KPIStatus.NOT_JUDGED,
    KPIStatus.TRACKED,
)

# The statuses that judge progress (a KPI's "last judged status").
JUDGED = frozenset({KPIStatus.ACHIEVED, KPIStatus.ON_TRACK, KPIStatus.AT_RISK, KPIStatus.OFF_TRACK})


@dataclass(frozen=True)
class KPIAssessment:
    status: KPIStatus
    judged_on: date | None  # the latest measurement's date
    latest: Decimal | None
    expected: Decimal | None  # the straight-line value at judged_on
    shortfall: Decimal | None  # behind the line, as a fraction of the planned change
    explanation: str  # plain English, for the page and the PDF
    latest_qualifier: str = Qualifier.EXACTLY  # "more than" the latest value...

    def latest_text(self, unit: str = "") -> str:
        """The latest value as published: "more than 100 services"; "" if none."""
        return format_qualified(self.latest, unit, self.latest_qualifier)


class PlanError(ValueError):
    """Baseline and target that make no plan; `field` names the one to correct."""

    def __init__(self, field: str, message: str, *, parts: tuple[str, ...] = ()):
        super().__init__(message)
        self.field = field
        self.parts = parts  # of a date: the boxes to mark ("year"); () for all


# The box a user ticks to keep a target year outside the horizon (the form and the
# admin show it; the warning names it).
KEEP_YEAR = "Keep this year: the target is beyond the roadmap's horizon on purpose"


def plan_problems(
    *,
    baseline_value: Decimal | None,
    baseline_date: date | None,
    target_value: Decimal | None,
    target_date: date | None,
    baseline_unknown: bool = False,
    tracked: bool = False,
    baseline_qualifier: str = Qualifier.EXACTLY,
    target_qualifier: str = Qualifier.EXACTLY,
    baseline_precision: str = Precision.DAY,
    target_precision: str = Precision.DAY,
    horizon: tuple[int, int] | None = None,
    complete: bool = True,
) -> list[PlanError]:
    """Every reason baseline and target make no plan, each naming its field.

    `complete` False (a form whose fields already failed) leaves out "enter the
    ..." for the missing halves: the field says so itself. `horizon` (first and
    last year of the roadmap) warns of a year-precision target outside it (often a
    typing slip: "by 2205"); a caller whose user kept the year on purpose passes
    None."""
    problems = []

    def add(field: str, message: str, parts: tuple[str, ...] = ()) -> None:
        problems.append(PlanError(field, message, parts=parts))

    if baseline_unknown:
        if baseline_value is not None:
            add(
                "baseline_value",
                "You said the baseline is not yet known: clear the value, or untick "
                "\u201cnot yet known\u201d.",
            )
        if baseline_date is not None:
            add(
                "baseline_date",
                "You said the baseline is not yet known: clear its date, or untick "
                "\u201cnot yet known\u201d. Say when it will be known in the note.",
            )
    elif complete:
        if baseline_value is None:
            add("baseline_value", "Enter the baseline value, or tick \u201cnot yet known\u201d.")
        if baseline_date is None:
            add("baseline_date", "Enter the baseline date, or tick \u201cnot yet known\u201d.")
    if tracked:
        if target_value is not None:
            add(
                "target_value",
                "A KPI tracked without a target has no target value: clear it, or untick "
                "\u201ctracked, no target\u201d.",
            )
        if target_date is not None:
            add(
                "target_date",
                "A KPI tracked without a target has no target date: clear it, or untick "
                "\u201ctracked, no target\u201d.",
            )
    elif complete:
        if target_value is None:
            add("target_value", "Enter the target value, or tick \u201ctracked, no target\u201d.")
        if target_date is None:
            add("target_date", "Enter the target date, or tick \u201ctracked, no target\u201d.")
    for field, value, qualifier, what in (
        ("baseline_qualifier", baseline_value, baseline_qualifier, "baseline value"),
        ("target_qualifier", target_value, target_qualifier, "target value"),
    ):
        problem = qualifier_problem(value, qualifier, what=what)
        if problem and not (field == "target_qualifier" and tracked):
            add(field, problem)
    if (
        baseline_date is not None
        and target_date is not None
        and period_end(target_date, target_precision)
        <= period_start(baseline_date, baseline_precision)
    ):
        add(
            "target_date",
            "The target date must be after the baseline date "
            f"({format_period(baseline_date, baseline_precision)}).",
        )
    if horizon and year_outside_horizon(target_date, target_precision, horizon):
        first, last = horizon
        add(
            "target_date",
            f"The target year {target_date.year} is outside the roadmap's horizon ({first} to "
            f"{last}): check the year, or tick \u201c{KEEP_YEAR}\u201d.",
            parts=("year",),
        )
    return problems


def year_outside_horizon(
    target_date: date | None, target_precision: str, horizon: tuple[int, int]
) -> bool:
    """A year-precision target outside the roadmap's first and last year. Only
    the target: a baseline from before the roadmap began is usual."""
    first, last = horizon
    return (
        target_date is not None
        and target_precision == Precision.YEAR
        and not first <= target_date.year <= last
    )


def check_plan(
    *,
    baseline_value: Decimal | None,
    baseline_date: date | None,
    target_value: Decimal | None,
    target_date: date | None,
    **details,
) -> None:
    """Raise the first PlanError unless baseline and target make a plan. The KPI
    form, the admin and the KPI services all judge by `plan_problems`."""
    problems = plan_problems(
        baseline_value=_maybe_decimal(baseline_value, "baseline value"),
        baseline_date=baseline_date,
        target_value=_maybe_decimal(target_value, "target value"),
        target_date=target_date,
        **details,
    )
    if problems:
        raise problems[0]


def _maybe_decimal(value, what: str) -> Decimal | None:
    return None if value is None else as_decimal(value, what)


def expected_on(
    day: date,
    *,
    baseline_value: Decimal,
    baseline_date: date,
    target_value: Decimal,
    target_date: date,
    baseline_precision: str = Precision.DAY,
    target_precision: str = Precision.DAY,
) -> Decimal:
    """The planned straight line's value on `day`: the baseline before the baseline
    date, the target after the target date, in proportion to the days between."""
    check_plan(
        baseline_value=baseline_value,
        baseline_date=baseline_date,
        target_value=target_value,
        target_date=target_date,
        baseline_precision=baseline_precision,
        target_precision=target_precision,
    )
    baseline_value = as_decimal(baseline_value, "baseline value")
    target_value = as_decimal(target_value, "target value")
    start = period_start(baseline_date, baseline_precision)
    total = Decimal((period_end(target_date, target_precision) - start).days)
    elapsed = _clamp(Decimal((day - start).days), total)
    return baseline_value + (target_value - baseline_value) * elapsed / total


def by_date(day: date, precision: str = Precision.DAY) -> str:
    """ "by 30 November 2026", "by April 2025", "by 2025"."""
    return f"by {format_period(day, precision)}"


def _latest(measurements: Sequence[tuple]) -> tuple[date, Decimal, str] | None:
    latest_entry = None
    for entry in measurements:
        if latest_entry is None or entry[0] >= latest_entry[0]:
            latest_entry = entry
    if latest_entry is None:
        return None
    qualifier = latest_entry[2] if len(latest_entry) > 2 else Qualifier.EXACTLY
    return latest_entry[0], latest_entry[1], qualifier or Qualifier.EXACTLY


def assess_kpi(
    *,
    higher_is_better: bool,
    baseline_value: Decimal | None,
    baseline_date: date | None,
    target_value: Decimal | None,
    target_date: date | None,
    measurements: Sequence[tuple],
    unit: str = "",
    counts_whole_things: bool = False,
    tracked: bool = False,
    baseline_qualifier: str = Qualifier.EXACTLY,
    target_qualifier: str = Qualifier.EXACTLY,
    baseline_precision: str = Precision.DAY,
    target_precision: str = Precision.DAY,
) -> KPIAssessment:
    """Judge a KPI by the rule in this module's docstring (and RULE_TEXT).

    `measurements` are (date, value) or (date, value, qualifier); a baseline
    value of None is "not yet known"; `tracked` is "tracked, no target"."""
    baseline_unknown = baseline_value is None
    check_plan(
        baseline_value=baseline_value,
        baseline_date=baseline_date,
        target_value=target_value,
        target_date=target_date,
        baseline_unknown=baseline_unknown,
        tracked=tracked,
        baseline_qualifier=baseline_qualifier,
        target_qualifier=target_qualifier,
        baseline_precision=baseline_precision,
        target_precision=target_precision,
    )
    latest_entry = _latest(measurements)

    def result(status, explanation, *, expected=None, shortfall=None) -> KPIAssessment:
        return KPIAssessment(
            status=status,
            judged_on=latest_entry[0] if latest_entry else None,
            latest=as_decimal(latest_entry[1], "measurement value") if latest_entry else None,
            expected=expected,
            shortfall=shortfall,
            explanation=explanation[:1].upper() + explanation[1:],  # "More than 30..."
            latest_qualifier=latest_entry[2] if latest_entry else Qualifier.EXACTLY,
        )

    if tracked:
        if latest_entry is None:
            return result(KPIStatus.TRACKED, "Tracked without a target; nothing measured yet.")
        day, value, qualifier = latest_entry
        return result(
            KPIStatus.TRACKED,
            f"{format_qualified(value, unit, qualifier)} on {format_date(day)}. Tracked "
            "without a target, so no status is judged.",
        )

    if target_value is None or target_date is None:  # check_plan refuses it first
        raise PlanError("target_value", "A KPI that is not tracked needs a target.")
    target_value = as_decimal(target_value, "target value")
    target_text = format_qualified(target_value, unit, target_qualifier)
    target_end = period_end(target_date, target_precision)
    by_target = by_date(target_date, target_precision)

    if latest_entry is None:
        if baseline_unknown:
            plan = f"The baseline is not yet known; the target is {target_text} {by_target}"
        else:
            plan = (
                f"The plan runs from {format_qualified(baseline_value, unit, baseline_qualifier)} "
                f"{_in_period(baseline_date, baseline_precision)} to {target_text} {by_target}"
            )
        return result(KPIStatus.NO_DATA, f"Nothing has been measured yet. {plan}. No data.")

    judged_on, latest, latest_qualifier = latest_entry
    latest = as_decimal(latest, "measurement value")
    on_day = format_date(judged_on)
    latest_text = format_qualified(latest, unit, latest_qualifier)
    direction_words = "higher" if higher_is_better else "lower"

    if bound_problem(latest_qualifier, higher_is_better=higher_is_better):
        return result(
            KPIStatus.NOT_JUDGED,
            f"{latest_text} on {on_day}: that could be any distance on the worse side of "
            f"{format_value(latest, unit)}, and {direction_words} is better, so it cannot be "
            "judged against the target. Not judged.",
        )

    # The planned line, where there is one: a known baseline read conservatively
    # and a change to make.
    direction = 1 if higher_is_better else -1
    readable = not baseline_unknown and not bound_problem(
        baseline_qualifier, higher_is_better=not higher_is_better
    )
    expected = shortfall = None
    if readable:
        baseline_value = as_decimal(baseline_value, "baseline value")
        change = target_value - baseline_value
        if change:
            start = period_start(baseline_date, baseline_precision)
            total = Decimal((target_end - start).days)
            elapsed = _clamp(Decimal((judged_on - start).days), total)
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

    if _meets(latest, latest_qualifier, target_value, target_qualifier, higher_is_better):
        verb = "meeting" if latest == target_value else "beating"
        return result(
            KPIStatus.ACHIEVED,
            f"{latest_text} on {on_day}, {verb} the target of {target_text}. Achieved.",
            expected=expected,
            shortfall=shortfall,
        )

    places = _places(
        unit,
        counts_whole_things,
        *(v for v in (baseline_value, target_value, latest) if v is not None),
    )
    if judged_on > target_end:
        short = _difference(abs(target_value - latest), unit, places)
        return result(
            KPIStatus.OFF_TRACK,
            f"{latest_text} on {on_day} against a target of {target_text} {by_target}: "
            f"{short} short of the target, and the target date has passed. Off track.",
            expected=expected,
            shortfall=shortfall,
        )

    if baseline_unknown:
        return result(
            KPIStatus.NO_BASELINE,
            f"{latest_text} on {on_day} against a target of {target_text} {by_target}. The "
            "baseline is not yet known, so there is no planned line to judge progress "
            "against. No baseline.",
        )

    if not readable:
        baseline_text = format_qualified(baseline_value, unit, baseline_qualifier)
        return result(
            KPIStatus.NOT_JUDGED,
            f"{latest_text} on {on_day} against a target of {target_text} {by_target}. The "
            f"baseline is {baseline_text}, so where the plan should be by now cannot be "
            "worked out. Not judged.",
        )

    if expected is None or shortfall is None:  # a target equal to the baseline: to hold
        short = _difference(abs(target_value - latest), unit, places)
        return result(
            KPIStatus.OFF_TRACK,
            f"{latest_text} on {on_day} against a target to hold {target_text}: {short} "
            "short of it. Off track.",
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
    return result(
        status,
        f"{latest_text} against {format_value(shown, unit)} planned for {on_day}: "
        f"{position}. {status.label}.",
        expected=expected,
        shortfall=shortfall,
    )


def _in_period(day: date | None, precision: str) -> str:
    if day is None:
        return ""
    word = "on" if precision == Precision.DAY else "in"
    return f"{word} {format_period(day, precision)}"


def _meets(
    latest: Decimal, latest_qualifier: str, target: Decimal, target_qualifier: str, higher: bool
) -> bool:
    """Whether the latest value, read conservatively, meets the target. A strict
    target ("more than 150" when higher is better) is not met by exactly 150."""
    better = latest > target if higher else latest < target
    if better:
        return True
    if latest != target:
        return False
    target_strict = Qualifier(target_qualifier).strict and not bound_problem(
        target_qualifier, higher_is_better=higher
    )
    return not target_strict or Qualifier(latest_qualifier).strict


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
