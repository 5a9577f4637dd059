"""Reads of a roadmap's gaps: the list with where each was found and the
initiatives closing it, the gaps of one initiative, the gaps x initiatives
matrix, the health facts and the inventory's suggestions, each in a fixed
number of queries."""

from dataclasses import dataclass

from django.db.models import Count, Prefetch, QuerySet
from django.shortcuts import get_object_or_404

from roadmap.models import Initiative, Roadmap
from roadmap.rules.health import GapFacts

from ..models import Digitisation, Gap, Process, System
from ..rules.gaps import severity_rank
from ..rules.inventory import SYSTEM_DECISIONS_THAT_ARE_GAPS

SOURCES = ("dimension__framework", "weakness", "system", "process")


def _full(gaps: QuerySet[Gap]) -> QuerySet[Gap]:
    return gaps.select_related(*SOURCES).prefetch_related(
        Prefetch("initiatives", queryset=Initiative.objects.order_by("title"))
    )


def _knowing(roadmap: Roadmap, gaps) -> list[Gap]:
    """Each gap, its source and the initiatives closing it, told their roadmap."""
    gaps = list(gaps)
    for gap in gaps:
        gap.roadmap = roadmap
        for source in (gap.weakness, gap.system, gap.process, *gap.initiatives.all()):
            if source is not None:
                source.roadmap = roadmap
    return gaps


def by_severity(gaps: list[Gap]) -> list[Gap]:
    return sorted(gaps, key=lambda gap: (severity_rank(gap.severity), gap.title.casefold()))


def gaps_of(roadmap: Roadmap) -> list[Gap]:
    """The roadmap's gaps, most severe first: two queries."""
    return by_severity(_knowing(roadmap, _full(roadmap.gaps.all())))


def gap_for(roadmap: Roadmap, pk: int) -> Gap:
    return _knowing(roadmap, [get_object_or_404(_full(roadmap.gaps.all()), pk=pk)])[0]


def gaps_of_initiative(initiative: Initiative) -> list[Gap]:
    """The gaps an initiative closes, most severe first: one query."""
    gaps = list(initiative.gaps.all())
    for gap in gaps:
        gap.roadmap = initiative.roadmap
    return by_severity(gaps)


def gaps_without_initiatives(roadmap: Roadmap) -> list[Gap]:
    """The gaps no initiative closes: one query."""
    gaps = list(roadmap.gaps.filter(initiatives__isnull=True).order_by("title"))
    for gap in gaps:
        gap.roadmap = roadmap
    return gaps


def gap_health_facts(roadmap: Roadmap) -> tuple[list[GapFacts], dict[tuple[str, object], str]]:
    """The gaps as the health rules' facts, and where each is fixed: one query."""
    gaps = list(
        roadmap.gaps.annotate(initiative_count=Count("initiatives")).only("pk", "title", "roadmap")
    )
    addresses = {}
    for gap in gaps:
        gap.roadmap = roadmap
        addresses[("gap", gap.pk)] = gap.get_absolute_url()
    facts = [
        GapFacts(key=gap.pk, title=gap.title, initiative_count=gap.initiative_count) for gap in gaps
    ]
    return facts, addresses


@dataclass(frozen=True)
class GapMatrix:
    """Gaps (rows, most severe first) x the initiatives that close at least one
    (columns, by title); the others are only counted, so the table stays readable."""

    initiatives: list[tuple[Initiative, int]]  # each with how many gaps it closes
    rows: list[tuple[Gap, list[bool]]]
    closing_none: int  # initiatives that close no gap


def gap_matrix(roadmap: Roadmap) -> GapMatrix:
    """Three queries, however many gaps and initiatives."""
    every = list(roadmap.initiatives.order_by("title", "pk"))
    gaps = by_severity(
        _knowing(
            roadmap,
            roadmap.gaps.prefetch_related(
                Prefetch("initiatives", queryset=Initiative.objects.only("pk"))
            ),
        )
    )
    closing = {gap.pk: {initiative.pk for initiative in gap.initiatives.all()} for gap in gaps}
    closers = set().union(*closing.values()) if closing else set()
    initiatives = [initiative for initiative in every if initiative.pk in closers]
    for initiative in initiatives:
        initiative.roadmap = roadmap
    rows = [(gap, [i.pk in closing[gap.pk] for i in initiatives]) for gap in gaps]
    closes = [sum(row[1][n] for row in rows) for n in range(len(initiatives))]
    return GapMatrix(
        list(zip(initiatives, closes, strict=True)), rows, len(every) - len(initiatives)
    )


@dataclass(frozen=True)
class Suggestions:
    systems: list[System]
    processes: list[Process]

    def __bool__(self) -> bool:
        return bool(self.systems or self.processes)


def gap_suggestions(roadmap: Roadmap) -> Suggestions:
    """The systems to migrate or eliminate and the processes on paper that no gap
    names yet: two queries."""
    systems = list(
        roadmap.systems.filter(lifecycle__in=SYSTEM_DECISIONS_THAT_ARE_GAPS, gaps__isnull=True)
        .order_by("name")
        .distinct()
    )
    processes = list(
        roadmap.processes.filter(digitisation=Digitisation.PAPER, gaps__isnull=True)
        .order_by("name")
        .distinct()
    )
    for thing in (*systems, *processes):
        thing.roadmap = roadmap
    return Suggestions(systems, processes)
