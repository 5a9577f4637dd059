"""Where a gap comes from, and which source fits which kind. Pure: no Django.

A gap's source is one of: a low-scoring dimension, a weakness (a SWOT item in
the weaknesses), a system to migrate or eliminate, a process still on paper or
partly online, or other. The picker beside the source must hold a thing of that
kind, and the pickers of the other kinds must be empty. The form, the service
and the admin all ask `source_problems`.
"""

from __future__ import annotations

from dataclasses import dataclass

DIMENSION, WEAKNESS, SYSTEM, PROCESS, OTHER = "dimension", "weakness", "system", "process", "other"
SOURCE_FIELDS = (DIMENSION, WEAKNESS, SYSTEM, PROCESS)  # the picker of each source
GAP_LIFECYCLES = frozenset({"migrate", "eliminate"})
GAP_DIGITISATION = frozenset({"paper", "partly_online"})

QUADRANT_NAMES = {
    "strength": "a strength",
    "weakness": "a weakness",
    "opportunity": "an opportunity",
    "threat": "a threat",
}
SEVERITY_ORDER = ("critical", "high", "medium", "low")

SOURCE_RULE_TEXT = (
    "A gap found in a weakness names a SWOT weakness; in a system, one marked migrate or "
    "eliminate; in a process, one on paper or partly online; in a dimension, a dimension of "
    "a maturity framework. A gap with another source names none of them."
)


@dataclass(frozen=True)
class ChosenSource:
    """What is chosen in each picker: None when empty, else the fact the rule needs."""

    dimension: bool = False
    weakness_quadrant: str | None = None  # the SWOT item's quadrant
    system_lifecycle: str | None = None  # the system's lifecycle decision
    process_digitisation: str | None = None  # the process's digitisation level

    def chosen(self, kind: str) -> bool:
        return {
            DIMENSION: self.dimension,
            WEAKNESS: self.weakness_quadrant is not None,
            SYSTEM: self.system_lifecycle is not None,
            PROCESS: self.process_digitisation is not None,
        }[kind]


def source_problems(source: str, chosen: ChosenSource) -> dict[str, str]:
    """The message for each picker that does not fit `source`, by its field name."""
    problems: dict[str, str] = {}
    for kind in SOURCE_FIELDS:
        if kind != source and chosen.chosen(kind):
            problems[kind] = f"Leave this empty: the gap's source is not a {kind}."
    if source == DIMENSION and not chosen.dimension:
        problems[DIMENSION] = "Choose the dimension that scored low."
    elif source == WEAKNESS:
        quadrant = chosen.weakness_quadrant
        if quadrant is None:
            problems[WEAKNESS] = "Choose the weakness the gap comes from."
        elif quadrant != "weakness":
            problems[WEAKNESS] = (
                f"Choose a weakness: that SWOT item is {QUADRANT_NAMES.get(quadrant, quadrant)}."
            )
    elif source == SYSTEM:
        lifecycle = chosen.system_lifecycle
        if lifecycle is None:
            problems[SYSTEM] = "Choose the system to migrate or eliminate."
        elif lifecycle not in GAP_LIFECYCLES:
            problems[SYSTEM] = (
                f"Choose a system marked migrate or eliminate: that one is marked {lifecycle}."
            )
    elif source == PROCESS:
        level = chosen.process_digitisation
        if level is None:
            problems[PROCESS] = "Choose the process still on paper or partly online."
        elif level not in GAP_DIGITISATION:
            problems[PROCESS] = (
                "Choose a process on paper or partly online: that one is online end to end."
            )
    return problems


def severity_rank(severity: str) -> int:
    """0 for critical ... 3 for low: gaps are listed most severe first."""
    return SEVERITY_ORDER.index(severity) if severity in SEVERITY_ORDER else len(SEVERITY_ORDER)
