"""The priority score of an initiative: how much it is worth doing next.

Three judgements go in:

- **Value**, 1 (little) to 5 (a great deal): what the initiative brings to the
  objectives it serves.
- **Effort**, 1 (little) to 5 (a great deal): the work, money and time it takes.
- **Confidence**, low, medium or high: how sure we are of the value and effort.

The score is value x confidence factor / effort, scaled so that the best
possible initiative (value 5, effort 1, high confidence) scores 100:

    score = 20 x value x factor / effort, rounded to a whole number (halves up)

The confidence factors are high 1, medium 0.8, low 0.5. So scores run from 2
(value 1, effort 5, low confidence) to 100. Value 4, effort 2, medium
confidence scores 32. Doubling the value doubles the score; doubling the
effort halves it.

A value, effort or confidence outside its range is refused with a
`PriorityError` (a ValueError) naming the field. Pure: no Django.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

LOWEST, HIGHEST = 1, 5
SCALE = Decimal(20)  # 100 / (HIGHEST value / LOWEST effort)


class Confidence(StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"

    @property
    def label(self) -> str:
        return self.value.capitalize()

    @property
    def factor(self) -> Decimal:
        return CONFIDENCE_FACTORS[self]


CONFIDENCE_FACTORS = {
    Confidence.LOW: Decimal("0.5"),
    Confidence.MEDIUM: Decimal("0.8"),
    Confidence.HIGH: Decimal(1),
}

PRIORITY_RULE_TEXT = (
    "The priority score runs from 0 to 100. It is the value (1 to 5) times a factor for "
    "how confident we are (high 1, medium 0.8, low 0.5), divided by the effort (1 to 5), "
    "then multiplied by 20 and rounded to a whole number. The best possible initiative, "
    "value 5, effort 1 and high confidence, scores 100; value 4, effort 2 and medium "
    "confidence scores 32. More value raises the score; more effort or less confidence "
    "lowers it."
)


class PriorityError(ValueError):
    """A prioritisation input out of range; `field` names it."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field


def check_level(value: object, field: str) -> int:
    """`value` if it is a whole number from 1 to 5, else a PriorityError naming `field`."""
    if isinstance(value, bool) or not isinstance(value, int) or not LOWEST <= value <= HIGHEST:
        raise PriorityError(
            field, f"The {field} must be a whole number from {LOWEST} to {HIGHEST}."
        )
    return value


def check_confidence(confidence: object) -> Confidence:
    """The Confidence named by `confidence` ("low", "medium" or "high")."""
    try:
        return Confidence(confidence)
    except ValueError:
        raise PriorityError("confidence", "The confidence must be low, medium or high.") from None


def priority_score(*, value: int, effort: int, confidence: Confidence | str) -> int:
    """The score 0-100 by the rule in this module's docstring and PRIORITY_RULE_TEXT."""
    value = check_level(value, "value")
    effort = check_level(effort, "effort")
    factor = check_confidence(confidence).factor
    score = SCALE * value * factor / effort
    return int(score.quantize(Decimal(1), rounding=ROUND_HALF_UP))
