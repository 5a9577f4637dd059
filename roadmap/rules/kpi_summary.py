"""A one-line tally of an objective's KPIs by status, for lists:
"3 KPIs: 2 on track, 1 at risk".

Each KPI is judged by the one rule in roadmap.rules.kpi_status (through KPI.assess),
on measurements that are already loaded, so a list costs no query per KPI.
"""

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from .kpi_status import STATUS_ORDER, KPIAssessment, KPIStatus

# How each status reads in the tally.
TALLY_WORDS = {
    KPIStatus.ACHIEVED: "achieved",
    KPIStatus.ON_TRACK: "on track",
    KPIStatus.AT_RISK: "at risk",
    KPIStatus.OFF_TRACK: "off track",
    KPIStatus.NO_DATA: "not measured yet",
    KPIStatus.NO_BASELINE: "with no baseline yet",
    KPIStatus.NOT_JUDGED: "not judged",
    KPIStatus.TRACKED: "tracked without a target",
}


@dataclass(frozen=True)
class StatusCount:
    status: KPIStatus
    count: int

    @property
    def words(self) -> str:
        return TALLY_WORDS[self.status]

    @property
    def text(self) -> str:
        return f"{self.count} {self.words}"


@dataclass(frozen=True)
class KPISummary:
    total: int
    counts: tuple[StatusCount, ...]  # in STATUS_ORDER, only the statuses that occur
    overdue: int = 0  # KPIs with a measurement overdue (roadmap.rules.kpi_overdue)

    @property
    def heading(self) -> str:
        """'No KPIs yet', '1 KPI' or '3 KPIs'."""
        if not self.total:
            return "No KPIs yet"
        return f"{self.total} KPI{'s' if self.total != 1 else ''}"

    def __str__(self) -> str:
        if not self.total:
            return self.heading
        return f"{self.heading}: {', '.join(count.text for count in self.counts)}"


def count_by_status(statuses: Iterable[KPIStatus]) -> list[tuple[KPIStatus, int]]:
    """How many of each status, in STATUS_ORDER, leaving out the ones that do not occur."""
    counts = Counter(statuses)
    return [(status, counts[status]) for status in STATUS_ORDER if counts[status]]


def summarise_statuses(statuses: Iterable[KPIStatus], *, overdue: int = 0) -> KPISummary:
    counts = count_by_status(statuses)
    return KPISummary(
        total=sum(count for _, count in counts),
        counts=tuple(StatusCount(status, count) for status, count in counts),
        overdue=overdue,
    )


class AssessableKPI(Protocol):
    """What the tally needs of a KPI: its measurements and the one status rule."""

    measurements: object

    def assess(self, measurements=None) -> KPIAssessment: ...

    def overdue(self, measurements=None) -> object | None: ...


def summarise_kpis(kpis: Iterable[AssessableKPI]) -> KPISummary:
    """Tally KPIs whose measurements are prefetched (`kpi.measurements.all()`),
    and count the overdue ones."""
    kpis = list(kpis)
    return summarise_statuses(
        (kpi.assess(kpi.measurements.all()).status for kpi in kpis),
        overdue=sum(1 for kpi in kpis if kpi.overdue(kpi.measurements.all())),
    )
