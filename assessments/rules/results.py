"""How an assessment's answers add up: pure functions, no Django.

- Per question: the median of the respondents' current levels and of their
  target levels, and the spread (lowest to highest) of each, so disagreement
  shows. A question nobody answered is "not answered" (None), never 0.
- Per dimension: the mean of its answered questions' medians, weighted by each
  question's weight. A dimension with no answered question is None.
- Overall: the mean of the answered dimensions, weighted by each dimension's
  weight.
- Gap: target minus current. A dimension whose gap is GAP_THRESHOLD or more is
  offered as a capability gap, its severity by `gap_severity`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from statistics import median

LEVELS = range(1, 6)
GAP_THRESHOLD = Decimal(2)
SEVERITY_RULE_TEXT = (
    "A dimension whose target is 2 or more levels above where it stands becomes a gap: "
    "medium for a gap under 2.5 levels, high under 3, critical for 3 levels or more."
)


@dataclass(frozen=True)
class QuestionSpec:
    key: int
    dimension: int
    weight: Decimal = Decimal(1)


@dataclass(frozen=True)
class DimensionSpec:
    key: int
    name: str
    weight: Decimal = Decimal(1)


@dataclass(frozen=True)
class Levels:
    """One respondent's answer to one question."""

    question: int
    current: int
    target: int


@dataclass(frozen=True)
class Spread:
    low: int
    high: int

    @property
    def width(self) -> int:
        return self.high - self.low


@dataclass(frozen=True)
class QuestionResult:
    key: int
    respondents: int
    current: Decimal | None  # the median; None when nobody answered
    target: Decimal | None
    current_spread: Spread | None
    target_spread: Spread | None

    @property
    def answered(self) -> bool:
        return self.respondents > 0


@dataclass(frozen=True)
class DimensionResult:
    key: int
    name: str
    current: Decimal | None
    target: Decimal | None
    answered: int  # questions answered by someone
    questions: int

    @property
    def gap(self) -> Decimal | None:
        if self.current is None or self.target is None:
            return None
        return self.target - self.current


@dataclass(frozen=True)
class Results:
    questions: dict[int, QuestionResult]
    dimensions: list[DimensionResult]  # in the framework's order
    current: Decimal | None
    target: Decimal | None

    @property
    def gap(self) -> Decimal | None:
        if self.current is None or self.target is None:
            return None
        return self.target - self.current

    def by_gap(self) -> list[DimensionResult]:
        """Answered dimensions, biggest gap first (ties in the framework's order),
        then the ones not answered."""
        answered = [d for d in self.dimensions if d.gap is not None]
        unanswered = [d for d in self.dimensions if d.gap is None]
        return sorted(answered, key=lambda d: -d.gap) + unanswered  # type: ignore[operator]


def level_text(value: Decimal | None, *, signed: bool = False) -> str:
    """A level as shown everywhere: one decimal place ("2.5", "3.0"), "+0.5" for a
    change when `signed`, "not answered" for None."""
    if value is None:
        return "not answered"
    rounded = Decimal(value).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    if rounded == 0:
        rounded = Decimal("0.0")
    return f"{rounded:+}" if signed else f"{rounded}"


def check_level(value: int, what: str) -> None:
    if value not in LEVELS:
        raise ValueError(f"Choose {what} from 1 to 5.")


def target_below_current(current: int | Decimal | None, target: int | Decimal | None) -> bool:
    """Allowed (an agency may choose to scale something down), but flagged."""
    return current is not None and target is not None and target < current


def _median(values: Sequence[int]) -> Decimal:
    return Decimal(str(median(values)))


def _weighted_mean(pairs: Iterable[tuple[Decimal, Decimal]]) -> Decimal | None:
    """Mean of values weighted by weights; values with weight 0 count for nothing.
    None when nothing has weight."""
    pairs = list(pairs)
    total_weight = sum((weight for _, weight in pairs), Decimal(0))
    if total_weight <= 0:
        return None
    return sum((value * weight for value, weight in pairs), Decimal(0)) / total_weight


def question_result(key: int, answers: Sequence[Levels]) -> QuestionResult:
    if not answers:
        return QuestionResult(key, 0, None, None, None, None)
    currents = [a.current for a in answers]
    targets = [a.target for a in answers]
    return QuestionResult(
        key=key,
        respondents=len(answers),
        current=_median(currents),
        target=_median(targets),
        current_spread=Spread(min(currents), max(currents)),
        target_spread=Spread(min(targets), max(targets)),
    )


def aggregate(
    dimensions: Sequence[DimensionSpec],
    questions: Sequence[QuestionSpec],
    answers: Iterable[Levels],
) -> Results:
    """The results of one assessment from its framework's dimensions and questions
    and every respondent's answers (answers to questions not given are ignored)."""
    by_question: dict[int, list[Levels]] = defaultdict(list)
    known = {q.key for q in questions}
    for answer in answers:
        if answer.question in known:
            by_question[answer.question].append(answer)
    question_results = {q.key: question_result(q.key, by_question[q.key]) for q in questions}
    dimension_results = []
    for dimension in dimensions:
        own = [q for q in questions if q.dimension == dimension.key]
        answered = [(q, question_results[q.key]) for q in own if question_results[q.key].answered]
        dimension_results.append(
            DimensionResult(
                key=dimension.key,
                name=dimension.name,
                current=_weighted_mean((r.current, q.weight) for q, r in answered),  # type: ignore[misc]
                target=_weighted_mean((r.target, q.weight) for q, r in answered),  # type: ignore[misc]
                answered=len(answered),
                questions=len(own),
            )
        )
    weights = {d.key: d.weight for d in dimensions}
    scored = [d for d in dimension_results if d.current is not None]
    return Results(
        questions=question_results,
        dimensions=dimension_results,
        current=_weighted_mean((d.current, weights[d.key]) for d in scored),  # type: ignore[misc]
        target=_weighted_mean((d.target, weights[d.key]) for d in scored),  # type: ignore[misc]
    )


def gap_severity(gap: Decimal) -> str | None:
    """The severity of a dimension's gap (see SEVERITY_RULE_TEXT), or None below
    the threshold. Values are assessments.models.Severity's."""
    if gap < GAP_THRESHOLD:
        return None
    if gap < Decimal("2.5"):
        return "medium"
    if gap < 3:
        return "high"
    return "critical"


@dataclass(frozen=True)
class Change:
    name: str
    earlier: Decimal | None
    now: Decimal | None

    @property
    def change(self) -> Decimal | None:
        if self.earlier is None or self.now is None:
            return None
        return self.now - self.earlier


def compare(now: Results, earlier: Results) -> list[Change]:
    """Current level per dimension now against an earlier assessment, dimensions
    matched by name (so across framework versions); a dimension only one of the
    two has shows with the other side None. In `now`'s order, then the rest."""
    before = {d.name: d.current for d in earlier.dimensions}
    changes = [Change(d.name, before.get(d.name), d.current) for d in now.dimensions]
    names = {d.name for d in now.dimensions}
    changes += [Change(d.name, d.current, None) for d in earlier.dimensions if d.name not in names]
    return changes
