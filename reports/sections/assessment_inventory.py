"""The report's part of the current-state assessment that the inventory gives:
the SWOT, systems by lifecycle decision and hosting, processes by digitisation
level, and the gaps with the initiatives closing them. Five queries, however
much the inventory holds."""

from dataclasses import dataclass

from assessments.models import Gap, Hosting, SwotItem
from assessments.selectors.gaps import gaps_of
from assessments.selectors.processes import process_counts, processes_of
from assessments.selectors.swot import swot_of
from assessments.selectors.systems import Count, lifecycle_by_hosting, systems_of
from roadmap.models import Roadmap

QUADRANT_HEADINGS = (
    ("strength", "Strengths"),
    ("weakness", "Weaknesses"),
    ("opportunity", "Opportunities"),
    ("threat", "Threats"),
)


@dataclass(frozen=True)
class ReportInventory:
    swot: list[tuple[str, list[SwotItem]]]  # (heading, items) in the grid's order
    system_count: int
    hosting_labels: list[str]
    systems_by_lifecycle: list[tuple[str, list[int], int]]  # decision, per hosting, total
    systems_by_hosting: list[int]  # each hosting's total, in Hosting's order
    process_count: int
    processes_by_digitisation: list[Count]
    gaps: list[Gap]  # most severe first, each with the initiatives closing it

    @property
    def swot_count(self) -> int:
        return sum(len(items) for _, items in self.swot)

    @property
    def gaps_not_closed(self) -> int:
        return sum(not gap.initiatives.all() for gap in self.gaps)


def report_inventory(roadmap: Roadmap) -> ReportInventory:
    quadrants = swot_of(roadmap)
    systems = systems_of(roadmap)
    processes = processes_of(roadmap)
    table = lifecycle_by_hosting(systems)
    return ReportInventory(
        swot=[(heading, quadrants[key]) for key, heading in QUADRANT_HEADINGS],
        system_count=len(systems),
        hosting_labels=[hosting.label for hosting in Hosting],
        systems_by_lifecycle=table,
        systems_by_hosting=[sum(row[1][n] for row in table) for n in range(len(Hosting))],
        process_count=len(processes),
        processes_by_digitisation=process_counts(processes),
        gaps=gaps_of(roadmap),
    )
