"""Stakeholder analysis, pure: the power/interest grid's quadrants and their
strategies, and the engagement gaps that matter most.

Influence and interest run 1 to 5; 4 and 5 are "high", 1 to 3 "low" (a 3 is
the middle, and the middle asks for less than close management).
"""

from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum

HIGH_FROM = 4

# Engagement levels, lowest first (stakeholders.models.Engagement's values).
ENGAGEMENT_ORDER = ("unaware", "resistant", "neutral", "supportive", "leading")


class Quadrant(Enum):
    MANAGE_CLOSELY = "manage_closely"
    KEEP_SATISFIED = "keep_satisfied"
    KEEP_INFORMED = "keep_informed"
    MONITOR = "monitor"

    @property
    def label(self) -> str:
        return QUADRANT_LABELS[self]

    @property
    def explanation(self) -> str:
        return QUADRANT_EXPLANATIONS[self]


QUADRANT_LABELS = {
    Quadrant.MANAGE_CLOSELY: "Manage closely",
    Quadrant.KEEP_SATISFIED: "Keep satisfied",
    Quadrant.KEEP_INFORMED: "Keep informed",
    Quadrant.MONITOR: "Monitor",
}
QUADRANT_EXPLANATIONS = {
    Quadrant.MANAGE_CLOSELY: "High influence and high interest: involve them in decisions.",
    Quadrant.KEEP_SATISFIED: "High influence, lower interest: meet their needs, do not overload.",
    Quadrant.KEEP_INFORMED: "Lower influence, high interest: tell them regularly and listen.",
    Quadrant.MONITOR: "Lower influence and lower interest: watch for change, with little effort.",
}
GRID_RULE_TEXT = (
    f"Influence and interest run from 1 to 5; {HIGH_FROM} or 5 counts as high. "
    "High influence and high interest: manage closely. High influence only: keep satisfied. "
    "High interest only: keep informed. Neither: monitor."
)
GAP_RULE_TEXT = (
    "A gap is a desired engagement above the current one. The gaps that matter most come "
    "first: higher influence, then the bigger gap, then higher interest."
)


def quadrant(influence: int, interest: int) -> Quadrant:
    for value in (influence, interest):
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 5:
            raise ValueError("Influence and interest are whole numbers from 1 to 5.")
    high_influence, high_interest = influence >= HIGH_FROM, interest >= HIGH_FROM
    if high_influence and high_interest:
        return Quadrant.MANAGE_CLOSELY
    if high_influence:
        return Quadrant.KEEP_SATISFIED
    if high_interest:
        return Quadrant.KEEP_INFORMED
    return Quadrant.MONITOR


def engagement_gap(current: str, desired: str) -> int:
    """How many steps the desired engagement is above the current one (0 when not above)."""
    return max(0, ENGAGEMENT_ORDER.index(desired) - ENGAGEMENT_ORDER.index(current))


@dataclass(frozen=True)
class Standing:
    """What the gap ordering needs to know of one stakeholder."""

    key: object
    name: str
    influence: int
    interest: int
    current: str
    desired: str


def gaps_by_importance(standings: Iterable[Standing]) -> list[tuple[Standing, int]]:
    """Each stakeholder whose desired engagement is above the current one, with
    the size of the gap: highest influence first, then the biggest gap, then the
    highest interest, then by name."""
    gaps = [
        (standing, gap)
        for standing in standings
        if (gap := engagement_gap(standing.current, standing.desired)) > 0
    ]
    return sorted(
        gaps,
        key=lambda pair: (
            -pair[0].influence,
            -pair[1],
            -pair[0].interest,
            pair[0].name.casefold(),
        ),
    )
