"""What the timeline draws, read from the roadmap's initiatives: lanes (its
components, in order), bars, dependency arrows with their conflicts, and the
critical path, by the rules in rules/schedule.py. The page and the PDF report
draw the same `Timeline` with roadmap/charts/timeline.py."""

from collections.abc import Sequence
from dataclasses import dataclass

from ..charts.timeline import Arrow, Bar, MilestoneMark
from ..models import Initiative, Milestone, Roadmap
from ..rules.schedule import DependencyCycleError, Span, conflicts, critical_path


@dataclass(frozen=True)
class Timeline:
    lanes: tuple[str, ...]
    bars: tuple[Bar, ...]
    arrows: tuple[Arrow, ...]
    milestones: tuple[MilestoneMark, ...]
    critical: tuple[int, ...]  # the initiatives on the critical path, first to last
    conflict_count: int


def timeline_of(
    roadmap: Roadmap, initiatives: Sequence[Initiative], *, filtered: bool = False
) -> Timeline:
    """The timeline of `initiatives` (loaded with their component and dependencies,
    see selectors.initiatives.initiatives_of); arrows join only initiatives shown.
    Milestones: those of the initiatives shown, in their lane, and the roadmap's
    own on a row of their own (left off when the initiatives are `filtered`)."""
    shown = {initiative.pk: initiative for initiative in initiatives}
    spans = {pk: Span(i.start_month, i.end_month) for pk, i in shown.items()}
    edges = [
        (link.initiative_id, link.prerequisite_id)
        for initiative in initiatives
        for link in initiative.dependencies.all()
        if link.prerequisite_id in shown
    ]
    late = {(c.dependant, c.prerequisite) for c in conflicts(spans, edges)}
    try:
        path = critical_path(spans, edges) if edges else []
    except DependencyCycleError:  # the services refuse cycles; data from elsewhere may hold one
        path = []
    on_path = set(path)
    bars = tuple(
        Bar(
            key=i.pk,
            label=i.title,
            lane=i.component.name,
            start=i.start_month,
            end=i.end_month,
            status=i.status,
            status_label=i.get_status_display(),
            url=i.get_absolute_url(),
            critical=i.pk in on_path,
        )
        for i in initiatives
    )
    arrows = tuple(
        Arrow(
            prerequisite=prerequisite,
            dependant=dependant,
            conflict=(dependant, prerequisite) in late,
        )
        for dependant, prerequisite in edges
    )
    marks = []
    for milestone in Milestone.objects.filter(roadmap=roadmap).order_by("due_date", "pk"):
        if milestone.initiative_id is None and filtered:
            continue
        if milestone.initiative_id is not None and milestone.initiative_id not in shown:
            continue
        milestone.roadmap = roadmap  # its address without a query
        owner = shown.get(milestone.initiative_id)
        marks.append(
            MilestoneMark(
                label=milestone.title,
                due=milestone.due_date,
                lane=owner.component.name if owner else None,
                done=milestone.done,
                url=milestone.get_absolute_url(),
            )
        )
    milestones = tuple(marks)
    return Timeline(
        lanes=tuple(component.name for component in roadmap.components.all()),
        bars=bars,
        arrows=arrows,
        milestones=milestones,
        critical=tuple(path),
        conflict_count=len(late),
    )
