"""The health of a roadmap: the broken links and warning signs in the plan.

Each rule finds one kind of problem and says it in a plain sentence naming the
thing to fix. The rules, by severity:

High: act now.
- **Dependency conflict** (`dependency-conflict`): an initiative starts in a
  month before the month in which an initiative it depends on ends.
- **Past its end** (`past-end`): an initiative's end month is before the
  current month and it is neither done nor cancelled.
- **High risk without mitigation** (`unmitigated-high-risk`): a risk scoring
  15 or more, not closed, with no mitigation written down.

Medium: the plan has a gap.
- **Initiative serving no objective** (`initiative-without-objective`): every
  initiative should serve at least one objective (cancelled ones are left out).
- **Objective with no initiative** (`objective-without-initiative`): nothing
  on the roadmap delivers it.
- **Gap no initiative closes** (`gap-not-closed`): a gap found by the
  current-state assessment that no initiative closes.
- **Unfunded and starting soon** (`unfunded-starting-soon`): an initiative
  whose funding is unfunded or only requested ("requested" is not yet
  funded), not cancelled or done, starting this month or within the next
  three months.

Low: worth tidying.
- **Objective with no KPI** (`objective-without-kpi`): its progress cannot be
  measured.

`findings(...)` runs every rule and orders the findings by severity (high
first), then rule, then the title of the thing. "Today" is always given, never
read from a clock, so the same facts give the same findings. Pure: no Django.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from ui.formatting import MONTH_NAMES

from .risks import HIGH_RISK
from .schedule import Conflict, month_index

DONE, CANCELLED = "done", "cancelled"
UNFUNDED_STATUSES = frozenset({"unfunded", "requested"})  # requested is not yet funded
CLOSED_RISK_STATUSES = frozenset({"closed"})
SOON_MONTHS = 3  # "starting soon": this month or within the next three months

HEALTH_RULE_TEXT = (
    "The health check looks for problems in the plan. "
    "High severity, act now: a dependency conflict (an initiative starts before the "
    "month in which what it depends on ends); an initiative past its end month that is "
    "neither done nor cancelled; a high risk (scoring 15 or more) that is not closed "
    "and has no mitigation. "
    "Medium severity, the plan has a gap: an initiative that serves no objective; an "
    "objective that no initiative delivers; a gap from the assessment that no "
    "initiative closes; an initiative that is unfunded or only has funding requested "
    "and starts this month or within the next three months. "
    "Low severity, worth tidying: an objective with no KPI to measure it."
)


class Severity(StrEnum):
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"

    @property
    def label(self) -> str:
        return self.value.capitalize()

    @property
    def rank(self) -> int:
        """0 for high, 1 for medium, 2 for low: the order findings are listed in."""
        return _SEVERITY_ORDER.index(self)


_SEVERITY_ORDER = (Severity.HIGH, Severity.MEDIUM, Severity.LOW)


class Rule(StrEnum):
    DEPENDENCY_CONFLICT = "dependency-conflict"
    PAST_END = "past-end"
    UNMITIGATED_HIGH_RISK = "unmitigated-high-risk"
    INITIATIVE_WITHOUT_OBJECTIVE = "initiative-without-objective"
    OBJECTIVE_WITHOUT_INITIATIVE = "objective-without-initiative"
    GAP_NOT_CLOSED = "gap-not-closed"
    UNFUNDED_STARTING_SOON = "unfunded-starting-soon"
    OBJECTIVE_WITHOUT_KPI = "objective-without-kpi"

    @property
    def severity(self) -> Severity:
        return SEVERITIES[self]

    @property
    def description(self) -> str:
        """What the rule looks for, in a sentence, for a list of the rules."""
        return DESCRIPTIONS[self]


SEVERITIES = {
    Rule.DEPENDENCY_CONFLICT: Severity.HIGH,
    Rule.PAST_END: Severity.HIGH,
    Rule.UNMITIGATED_HIGH_RISK: Severity.HIGH,
    Rule.INITIATIVE_WITHOUT_OBJECTIVE: Severity.MEDIUM,
    Rule.OBJECTIVE_WITHOUT_INITIATIVE: Severity.MEDIUM,
    Rule.GAP_NOT_CLOSED: Severity.MEDIUM,
    Rule.UNFUNDED_STARTING_SOON: Severity.MEDIUM,
    Rule.OBJECTIVE_WITHOUT_KPI: Severity.LOW,
}

DESCRIPTIONS = {
    Rule.DEPENDENCY_CONFLICT: (
        "An initiative starts in a month before the month in which what it depends on ends."
    ),
    Rule.PAST_END: "An initiative is past its end month and is neither done nor cancelled.",
    Rule.UNMITIGATED_HIGH_RISK: (
        "A high risk (scoring 15 or more) is not closed and has no mitigation."
    ),
    Rule.INITIATIVE_WITHOUT_OBJECTIVE: "An initiative serves no objective.",
    Rule.OBJECTIVE_WITHOUT_INITIATIVE: "No initiative delivers an objective.",
    Rule.GAP_NOT_CLOSED: "No initiative closes a gap found by the assessment.",
    Rule.UNFUNDED_STARTING_SOON: (
        "An initiative is unfunded or only has funding requested, and starts this month "
        "or within the next three months."
    ),
    Rule.OBJECTIVE_WITHOUT_KPI: "An objective has no KPI to measure it.",
}


# The facts the rules judge -------------------------------------------------------


@dataclass(frozen=True)
class InitiativeFacts:
    key: Hashable
    title: str
    status: str  # proposed, planned, in_progress, done, on_hold, cancelled
    start: date  # the start month (its first day)
    end: date  # the end month
    objective_count: int
    funding_status: str  # unfunded, requested, approved
    objective_noun: str = "objective"  # what the roadmap calls them: "mission"


@dataclass(frozen=True)
class ObjectiveFacts:
    key: Hashable
    title: str
    initiative_count: int
    kpi_count: int  # every KPI counts, a tracked one (no target) too
    noun: str = "objective"  # what the roadmap calls it: "mission"


@dataclass(frozen=True)
class RiskFacts:
    key: Hashable
    title: str
    score: int  # likelihood x impact
    mitigation: str
    status: str


@dataclass(frozen=True)
class GapFacts:
    key: Hashable
    title: str
    initiative_count: int  # initiatives that close it


@dataclass(frozen=True)
class Finding:
    """One problem: which rule found it, how serious, the sentence that says it, and
    the thing to fix as (kind, key), kind being "initiative", "objective", "risk",
    "gap" or "dependency" (whose key is the pair (dependant, prerequisite))."""

    rule: Rule
    severity: Severity
    message: str
    subject: tuple[str, Hashable]
    title: str  # the thing's title, for ordering

    @property
    def kind(self) -> str:
        return self.subject[0]

    @property
    def key(self) -> Hashable:
        return self.subject[1]


def _finding(rule: Rule, kind: str, key: Hashable, title: str, message: str) -> Finding:
    return Finding(rule, rule.severity, message, (kind, key), title)


def _q(title: str) -> str:
    return f"“{title}”"


def _month(day: date) -> str:
    return f"{MONTH_NAMES[day.month - 1]} {day.year}"


def _months(count: int) -> str:
    return f"{count} month{'s' if count != 1 else ''}"


# The rules -----------------------------------------------------------------------


def initiatives_without_objective(initiatives: Iterable[InitiativeFacts]) -> list[Finding]:
    return [
        _finding(
            Rule.INITIATIVE_WITHOUT_OBJECTIVE,
            "initiative",
            i.key,
            i.title,
            f"The initiative {_q(i.title)} serves no {i.objective_noun}.",
        )
        for i in initiatives
        if i.objective_count == 0 and i.status != CANCELLED
    ]


def objectives_without_initiative(objectives: Iterable[ObjectiveFacts]) -> list[Finding]:
    return [
        _finding(
            Rule.OBJECTIVE_WITHOUT_INITIATIVE,
            "objective",
            o.key,
            o.title,
            f"No initiative delivers the {o.noun} {_q(o.title)}.",
        )
        for o in objectives
        if o.initiative_count == 0
    ]


def objectives_without_kpi(objectives: Iterable[ObjectiveFacts]) -> list[Finding]:
    return [
        _finding(
            Rule.OBJECTIVE_WITHOUT_KPI,
            "objective",
            o.key,
            o.title,
            f"The {o.noun} {_q(o.title)} has no KPI to measure it.",
        )
        for o in objectives
        if o.kpi_count == 0
    ]


def dependency_conflicts(
    conflicts: Iterable[Conflict], initiatives: Mapping[Hashable, InitiativeFacts]
) -> list[Finding]:
    """A finding for each conflict from `schedule.conflicts`; `initiatives` by key."""
    found = []
    for c in conflicts:
        after, before = initiatives[c.dependant], initiatives[c.prerequisite]
        found.append(
            _finding(
                Rule.DEPENDENCY_CONFLICT,
                "dependency",
                (c.dependant, c.prerequisite),
                after.title,
                f"{_q(after.title)} starts in {_month(after.start)}, but it depends on "
                f"{_q(before.title)}, which ends in {_month(before.end)}: it starts "
                f"{_months(c.overlap_months)} too early.",
            )
        )
    return found


def initiatives_past_end(initiatives: Iterable[InitiativeFacts], *, today: date) -> list[Finding]:
    return [
        _finding(
            Rule.PAST_END,
            "initiative",
            i.key,
            i.title,
            f"The initiative {_q(i.title)} was due to end in {_month(i.end)} "
            "and is not marked done.",
        )
        for i in initiatives
        if month_index(i.end) < month_index(today) and i.status not in (DONE, CANCELLED)
    ]


def unmitigated_high_risks(risks: Iterable[RiskFacts]) -> list[Finding]:
    return [
        _finding(
            Rule.UNMITIGATED_HIGH_RISK,
            "risk",
            r.key,
            r.title,
            f"The high risk {_q(r.title)} (score {r.score}) has no mitigation.",
        )
        for r in risks
        if r.score >= HIGH_RISK
        and not r.mitigation.strip()
        and r.status not in CLOSED_RISK_STATUSES
    ]


def unfunded_starting_soon(initiatives: Iterable[InitiativeFacts], *, today: date) -> list[Finding]:
    """Unfunded or only requested, not cancelled or done, starting from this month to
    three months ahead (in December: December to March)."""
    now = month_index(today)
    found = []
    for i in initiatives:
        start = month_index(i.start)
        if (
            i.funding_status in UNFUNDED_STATUSES
            and i.status not in (DONE, CANCELLED)
            and now <= start <= now + SOON_MONTHS
        ):
            funding = (
                "has no funding"
                if i.funding_status == "unfunded"
                else ("has funding requested but not yet approved")
            )
            when = "this month" if start == now else f"in {_month(i.start)}"
            found.append(
                _finding(
                    Rule.UNFUNDED_STARTING_SOON,
                    "initiative",
                    i.key,
                    i.title,
                    f"The initiative {_q(i.title)} starts {when} and {funding}.",
                )
            )
    return found


def gaps_not_closed(gaps: Iterable[GapFacts]) -> list[Finding]:
    return [
        _finding(
            Rule.GAP_NOT_CLOSED,
            "gap",
            g.key,
            g.title,
            f"No initiative closes the gap {_q(g.title)}.",
        )
        for g in gaps
        if g.initiative_count == 0
    ]


def findings(
    *,
    today: date,
    initiatives: Iterable[InitiativeFacts] = (),
    objectives: Iterable[ObjectiveFacts] = (),
    risks: Iterable[RiskFacts] = (),
    gaps: Iterable[GapFacts] = (),
    conflicts: Iterable[Conflict] = (),
) -> list[Finding]:
    """Every rule over the facts given, ordered by severity (high first), then rule,
    then title (case ignored), then key (the keys of one rule are of one kind). A
    part of the product that is not there (no assessment, so no gaps) is left out."""
    initiatives = list(initiatives)
    objectives = list(objectives)
    by_key = {i.key: i for i in initiatives}
    found = [
        *dependency_conflicts(conflicts, by_key),
        *initiatives_past_end(initiatives, today=today),
        *unmitigated_high_risks(risks),
        *initiatives_without_objective(initiatives),
        *objectives_without_initiative(objectives),
        *gaps_not_closed(gaps),
        *unfunded_starting_soon(initiatives, today=today),
        *objectives_without_kpi(objectives),
    ]
    rules = list(Rule)
    return sorted(
        found,
        key=lambda f: (f.severity.rank, rules.index(f.rule), f.title.casefold(), f.key),
    )


def counts_by_severity(found: Iterable[Finding]) -> dict[Severity, int]:
    """How many findings of each severity, high first, zeros included."""
    counts = dict.fromkeys(_SEVERITY_ORDER, 0)
    for f in found:
        counts[f.severity] += 1
    return counts
