"""What a roadmap calls its objectives ("Mission", "Priority", "Objective"...),
with the plural, the article and the numbering ("Mission 1") written once.

Pure: no Django.
"""

from __future__ import annotations

from dataclasses import dataclass

from ui.formatting import with_a


@dataclass(frozen=True)
class ObjectiveWords:
    """The words for a roadmap's objectives: `singular` and `plural` capitalised."""

    singular: str  # "Mission"
    plural: str  # "Missions"

    @property
    def lower(self) -> str:
        return self.singular.lower()

    @property
    def lower_plural(self) -> str:
        return self.plural.lower()

    @property
    def a(self) -> str:
        """With its article: "a mission", "an objective"."""
        return with_a(self.lower)

    @property
    def add(self) -> str:
        return f"Add {self.a}"

    @property
    def section(self) -> str:
        """The roadmap's navigation section: "Missions and KPIs"."""
        return f"{self.plural} and KPIs"

    def numbered(self, number: int) -> str:
        return f"{self.singular} {number}"

    def count(self, n: int) -> str:
        """ "1 mission", "3 missions"."""
        return f"{n} {self.lower if n == 1 else self.lower_plural}"


# The labels a roadmap may choose, keyed as stored, in the order offered.
OBJECTIVE_LABELS: dict[str, ObjectiveWords] = {
    "objective": ObjectiveWords("Objective", "Objectives"),
    "mission": ObjectiveWords("Mission", "Missions"),
    "priority": ObjectiveWords("Priority", "Priorities"),
    "outcome": ObjectiveWords("Outcome", "Outcomes"),
    "aim": ObjectiveWords("Aim", "Aims"),
    "ambition": ObjectiveWords("Ambition", "Ambitions"),
    "commitment": ObjectiveWords("Commitment", "Commitments"),
}
DEFAULT_LABEL = "objective"


def objective_words(label: str) -> ObjectiveWords:
    """The words for `label`; an unknown one (never stored: the field's choices
    refuse it) reads as "Objective"."""
    return OBJECTIVE_LABELS.get(label, OBJECTIVE_LABELS[DEFAULT_LABEL])
