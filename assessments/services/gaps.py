"""Writes to a roadmap's capability gaps: where each was found and the
initiatives that close it; and the gaps suggested by the inventory."""

from collections.abc import Iterable

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from roadmap.models import TITLE_MAX_LENGTH, Initiative, Roadmap
from ui.concurrency import (
    Refused,
    editor,
    locked,
    only_known_fields,
    save_revised,
    unique_or_refused,
)
from ui.ordering import next_position

from ..models import Assessment, Dimension, Gap, GapSource, Process, Severity, SwotItem, System
from ..rules.gaps import ChosenSource, source_problems
from ..rules.inventory import SEVERITY_OF_CRITICALITY, process_gap_title, system_gap_title
from ..selectors.gaps import gap_suggestions
from ..selectors.swot import dimension_choices
from ._checks import check_fields

# What the gap form edits (besides its initiatives), in the order it shows them.
FIELDS = (
    "title",
    "description",
    "severity",
    "source",
    "dimension",
    "weakness",
    "system",
    "process",
)
DUPLICATE = "This roadmap already has a gap with that title."
NOT_THIS_ROADMAP = "Choose one of this roadmap's {}."


def chosen_source(gap: Gap) -> ChosenSource:
    return ChosenSource(
        dimension=gap.dimension_id is not None,
        weakness_quadrant=gap.weakness.quadrant if gap.weakness_id else None,
        system_lifecycle=gap.system.lifecycle if gap.system_id else None,
        process_digitisation=gap.process.digitisation if gap.process_id else None,
    )


def _checked(gap: Gap, initiatives: Iterable[Initiative]) -> list[Initiative]:
    """The rules a form applies, for any caller."""
    gap.title = gap.title.strip()
    check_fields(gap, FIELDS)
    for field, things in (
        ("weakness", "SWOT items"),
        ("system", "systems"),
        ("process", "processes"),
    ):
        chosen = getattr(gap, field)
        if chosen is not None and chosen.roadmap_id != gap.roadmap_id:
            raise Refused(field, NOT_THIS_ROADMAP.format(things))
    if gap.dimension_id and not dimension_choices(gap.roadmap).filter(pk=gap.dimension_id):
        raise Refused("dimension", "Choose a dimension of the frameworks this roadmap uses.")
    problems = source_problems(gap.source, chosen_source(gap))
    if problems:
        raise Refused(*next(iter(problems.items())))
    initiatives = list(initiatives)
    if any(initiative.roadmap_id != gap.roadmap_id for initiative in initiatives):
        raise Refused("initiatives", NOT_THIS_ROADMAP.format("initiatives"))
    return initiatives


@transaction.atomic
def gap_create(
    *,
    roadmap: Roadmap,
    title: str,
    severity: str = Severity.MEDIUM,
    source: str = GapSource.OTHER,
    description: str = "",
    dimension: Dimension | None = None,
    weakness: SwotItem | None = None,
    system: System | None = None,
    process: Process | None = None,
    assessment: Assessment | None = None,
    initiatives: Iterable[Initiative] = (),
    by: AbstractBaseUser | None = None,
) -> Gap:
    gap = Gap(
        roadmap=roadmap,
        title=title,
        description=description,
        severity=severity,
        source=source,
        dimension=dimension,
        weakness=weakness,
        system=system,
        process=process,
        assessment=assessment,
        updated_by=editor(by),
    )
    chosen = _checked(gap, initiatives)
    locked(roadmap)
    gap.position = next_position(roadmap.gaps.all())
    with unique_or_refused("title", DUPLICATE):
        gap.save()
    gap.initiatives.set(chosen)
    return gap


@transaction.atomic
def gap_update(
    *,
    gap: Gap,
    revision: int | None = None,
    by: AbstractBaseUser | None = None,
    initiatives: Iterable[Initiative] | None = None,
    **fields,
) -> Gap:
    """Change the fields given (any of FIELDS) and, when given, the initiatives
    that close it. A stale `revision` is refused."""
    only_known_fields(fields, FIELDS, "gap_update")
    for name, value in fields.items():
        setattr(gap, name, value)
    chosen = _checked(gap, gap.initiatives.all() if initiatives is None else initiatives)
    save_revised(gap, fields=FIELDS, revision=revision, by=by, unique=("title", DUPLICATE))
    if initiatives is not None:
        gap.initiatives.set(chosen)
    return gap


@transaction.atomic
def gap_delete(*, gap: Gap) -> None:
    gap.delete()


@transaction.atomic
def gaps_from_inventory(
    *,
    roadmap: Roadmap,
    systems: Iterable[System] = (),
    processes: Iterable[Process] = (),
    by: AbstractBaseUser | None = None,
) -> list[Gap]:
    """A gap for each system (to migrate or eliminate) and process (on paper)
    given that still has none; one whose title is taken is left out. Each is
    checked again here, so a system changed since the preview is not used."""
    locked(roadmap)  # two people applying the same suggestions make each gap once
    still = gap_suggestions(roadmap)
    open_systems = {system.pk for system in still.systems}
    open_processes = {process.pk for process in still.processes}
    taken = {title.casefold() for title in roadmap.gaps.values_list("title", flat=True)}
    made = []
    wanted = [
        (
            system_gap_title(system.name, system.lifecycle),
            {
                "source": GapSource.SYSTEM,
                "system": system,
                "severity": SEVERITY_OF_CRITICALITY.get(system.criticality, Severity.MEDIUM),
                "description": system.purpose,
            },
        )
        for system in systems
        if system.pk in open_systems
    ] + [
        (
            process_gap_title(process.name),
            {
                "source": GapSource.PROCESS,
                "process": process,
                "severity": Severity.MEDIUM,
                "description": process.pain_points,
            },
        )
        for process in processes
        if process.pk in open_processes
    ]
    for title, fields in wanted:
        title = title[:TITLE_MAX_LENGTH]
        if title.casefold() in taken:
            continue
        taken.add(title.casefold())
        made.append(gap_create(roadmap=roadmap, title=title, by=by, **fields))
    return made
