"""The risk score, its level and the 5 x 5 heat map.

- **Likelihood**, 1 to 5: 1 rare, 2 unlikely, 3 possible, 4 likely, 5 almost
  certain.
- **Impact**, 1 to 5: 1 negligible, 2 minor, 3 moderate, 4 major, 5 severe.
- **Score** = likelihood x impact, from 1 to 25.
- **Level**: low for a score of 1 to 4; medium for 5 to 14; high for 15 or
  more. A high risk is one scoring 15 or more (`HIGH_RISK`): for example
  likely and severe (4 x 5 = 20), or almost certain and moderate (5 x 3).
- **Heat map**: the number of risks in each cell of a 5 x 5 grid, rows by
  impact from 5 (top) to 1, columns by likelihood from 1 (left) to 5, so the
  worst risks gather at the top right.

A likelihood or impact outside 1 to 5 is refused with a `RiskError` (a
ValueError) naming the field. Pure: no Django.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum

LOWEST, HIGHEST = 1, 5
HIGH_RISK = 15  # a high risk is one scoring 15 or more
MEDIUM_RISK = 5  # a medium risk scores 5 to 14

LIKELIHOOD_LABELS = {1: "Rare", 2: "Unlikely", 3: "Possible", 4: "Likely", 5: "Almost certain"}
IMPACT_LABELS = {1: "Negligible", 2: "Minor", 3: "Moderate", 4: "Major", 5: "Severe"}

# The heat map's grid: rows top to bottom, columns left to right.
IMPACT_ROWS = (5, 4, 3, 2, 1)
LIKELIHOOD_COLUMNS = (1, 2, 3, 4, 5)

RISK_RULE_TEXT = (
    "Each risk is scored by multiplying its likelihood (1 rare to 5 almost certain) by "
    "its impact (1 negligible to 5 severe), giving 1 to 25. A score of 1 to 4 is a low "
    "risk, 5 to 14 a medium risk, and 15 or more a high risk. The heat map counts the "
    "risks in each combination of likelihood and impact, with the highest impact at the "
    "top and the highest likelihood on the right."
)


class RiskLevel(StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"

    @property
    def label(self) -> str:
        return self.value.capitalize()


class RiskError(ValueError):
    """A likelihood, impact or score out of range; `field` names it."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field


def check_level(value: object, field: str) -> int:
    """`value` if it is a whole number from 1 to 5, else a RiskError naming `field`."""
    if isinstance(value, bool) or not isinstance(value, int) or not LOWEST <= value <= HIGHEST:
        raise RiskError(field, f"The {field} must be a whole number from {LOWEST} to {HIGHEST}.")
    return value


def risk_score(*, likelihood: int, impact: int) -> int:
    """Likelihood x impact, 1 to 25."""
    return check_level(likelihood, "likelihood") * check_level(impact, "impact")


def risk_level(score: int) -> RiskLevel:
    """Low (1-4), medium (5-14) or high (15-25)."""
    if isinstance(score, bool) or not isinstance(score, int) or not 1 <= score <= 25:
        raise RiskError("score", "The score must be a whole number from 1 to 25.")
    if score >= HIGH_RISK:
        return RiskLevel.HIGH
    if score >= MEDIUM_RISK:
        return RiskLevel.MEDIUM
    return RiskLevel.LOW


def is_high(score: int) -> bool:
    """A high risk is one scoring 15 or more."""
    return risk_level(score) is RiskLevel.HIGH


HeatMap = tuple[tuple[int, ...], ...]


def heat_map(risks: Iterable[tuple[int, int]]) -> HeatMap:
    """Counts of (likelihood, impact) pairs in a 5 x 5 grid: row 0 is impact 5 and
    row 4 impact 1 (`IMPACT_ROWS`); column 0 is likelihood 1 and column 4
    likelihood 5 (`LIKELIHOOD_COLUMNS`). So `heat_map(...)[5 - impact][likelihood - 1]`
    is the count of one cell."""
    counts = [[0] * 5 for _ in IMPACT_ROWS]
    for likelihood, impact in risks:
        check_level(likelihood, "likelihood")
        check_level(impact, "impact")
        counts[HIGHEST - impact][likelihood - LOWEST] += 1
    return tuple(tuple(row) for row in counts)
