"""Reads for the analysis pages and the report: the grid's points, the
engagement matrix and the gaps that matter most, from a list of entries."""

from dataclasses import dataclass

from ..charts.grid import GridPoint
from ..models import Engagement, Stakeholder
from ..rules.analysis import Quadrant, Standing, engagement_gap, gaps_by_importance, quadrant


@dataclass(frozen=True)
class Placed:
    stakeholder: Stakeholder
    quadrant: Quadrant


def placed(entries: list[Stakeholder]) -> list[Placed]:
    """Each entry with its quadrant, highest influence then interest first."""
    return [
        Placed(entry, quadrant(entry.influence, entry.interest))
        for entry in sorted(
            entries, key=lambda e: (-e.influence, -e.interest, e.name.casefold(), e.pk)
        )
    ]


def grid_points(entries: list[Stakeholder], label=lambda entry: entry.name) -> list[GridPoint]:
    return [GridPoint(label(entry), entry.influence, entry.interest) for entry in entries]


def engagement_gaps(entries: list[Stakeholder]) -> list[tuple[Stakeholder, int]]:
    """The entries whose desired engagement is above the current one, the ones
    that matter most first (rules/analysis.py), with the size of each gap."""
    by_key = {entry.pk: entry for entry in entries}
    standings = [
        Standing(
            key=entry.pk,
            name=entry.name,
            influence=entry.influence,
            interest=entry.interest,
            current=entry.current_engagement,
            desired=entry.desired_engagement,
        )
        for entry in entries
    ]
    return [(by_key[standing.key], gap) for standing, gap in gaps_by_importance(standings)]


@dataclass(frozen=True)
class MatrixRow:
    stakeholder: Stakeholder
    cells: list[str]  # per engagement level, lowest first: "C", "D", "C D" or ""
    gap: int


def engagement_matrix(entries: list[Stakeholder]) -> list[MatrixRow]:
    """The classic matrix: a row per entry, a column per engagement level, C where
    they are and D where they should be."""
    rows = []
    for entry in entries:
        cells = []
        for level in Engagement.values:
            marks = [
                mark
                for mark, value in (
                    ("C", entry.current_engagement),
                    ("D", entry.desired_engagement),
                )
                if value == level
            ]
            cells.append(" ".join(marks))
        rows.append(
            MatrixRow(
                entry, cells, engagement_gap(entry.current_engagement, entry.desired_engagement)
            )
        )
    return rows
