"""Writes to a roadmap's initiatives and the dependencies between them."""

from collections.abc import Iterable
from datetime import date
from decimal import Decimal

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from ui.concurrency import (
    Refused,
    editor,
    locked,
    only_known_fields,
    save_revised,
    unique_or_refused,
)
from ui.ordering import Move, MoveResult, MoveTo, move_in_list, next_position

from ..models import (
    RAG,
    BenefitType,
    Component,
    Confidence,
    Dependency,
    FundingStatus,
    Initiative,
    InitiativeStatus,
    Objective,
    Roadmap,
)
from ..rules.initiatives import initiative_problems
from ..rules.schedule import cycle_message, dependency_cycle
from ._checks import check_fields

# What the initiative form edits (besides its objectives), in the order it shows them.
FIELDS = (
    "title",
    "summary",
    "component",
    "owner",
    "sponsor",
    "sponsor_name",
    "sponsor_role",
    "sponsor_organisation",
    "start_month",
    "end_month",
    "status",
    "rag",
    "rag_reason",
    "percent_complete",
    "capital_cost",
    "operating_cost",
    "funding_source",
    "funding_status",
    "benefits",
    "benefit_type",
    "value",
    "effort",
    "confidence",
    "tags",
)
DUPLICATE = "This roadmap already has an initiative with that title."


def _checked(initiative: Initiative, objectives: Iterable[Objective]) -> list[Objective]:
    """The rules a form applies, for any caller: the fields' own ranges, then what
    the fields say together."""
    initiative.start_month = _first_of_month(initiative.start_month)
    initiative.end_month = _first_of_month(initiative.end_month)
    check_fields(initiative, FIELDS)
    if initiative.component.roadmap_id != initiative.roadmap_id:
        raise Refused("component", "Choose one of this roadmap's components.")
    objectives = list(objectives)
    if any(objective.roadmap_id != initiative.roadmap_id for objective in objectives):
        raise Refused("objectives", "Choose objectives of this roadmap.")
    problems = initiative_problems(
        start=initiative.start_month,
        end=initiative.end_month,
        rag=initiative.rag,
        rag_reason=initiative.rag_reason,
        has_member_sponsor=initiative.sponsor_id is not None,
        sponsor_name=initiative.sponsor_name,
        sponsor_role=initiative.sponsor_role,
        sponsor_organisation=initiative.sponsor_organisation,
    )
    if problems:  # the first, as a form shows each beside its field
        field, message = next(iter(problems.items()))
        raise Refused(field, message)
    if not initiative.sponsor_name.strip():
        initiative.sponsor_role = initiative.sponsor_organisation = ""
    return objectives


def _first_of_month(day: date | None) -> date | None:
    return day.replace(day=1) if day else day


@transaction.atomic
def initiative_create(
    *,
    roadmap: Roadmap,
    title: str,
    component: Component,
    start_month: date,
    end_month: date,
    summary: str = "",
    objectives: Iterable[Objective] = (),
    owner: AbstractBaseUser | None = None,
    sponsor: AbstractBaseUser | None = None,
    sponsor_name: str = "",
    sponsor_role: str = "",
    sponsor_organisation: str = "",
    status: str = InitiativeStatus.PLANNED,
    rag: str = RAG.GREEN,
    rag_reason: str = "",
    percent_complete: int = 0,
    capital_cost: Decimal | None = None,
    operating_cost: Decimal | None = None,
    funding_source: str = "",
    funding_status: str = FundingStatus.UNFUNDED,
    benefits: str = "",
    benefit_type: str = BenefitType.SERVICE_IMPROVEMENT,
    value: int = 3,
    effort: int = 3,
    confidence: str = Confidence.MEDIUM,
    tags: str = "",
    by: AbstractBaseUser | None = None,
) -> Initiative:
    initiative = Initiative(
        roadmap=roadmap,
        title=title.strip(),
        summary=summary,
        component=component,
        owner=owner,
        sponsor=sponsor,
        sponsor_name=sponsor_name.strip(),
        sponsor_role=sponsor_role,
        sponsor_organisation=sponsor_organisation,
        start_month=start_month,
        end_month=end_month,
        status=status,
        rag=rag,
        rag_reason=rag_reason if rag != RAG.GREEN else "",
        percent_complete=percent_complete,
        capital_cost=capital_cost,
        operating_cost=operating_cost,
        funding_source=funding_source,
        funding_status=funding_status,
        benefits=benefits,
        benefit_type=benefit_type,
        value=value,
        effort=effort,
        confidence=confidence,
        tags=tags,
        updated_by=editor(by),
    )
    objectives = _checked(initiative, objectives)
    locked(roadmap)  # two editors adding at once get distinct positions
    initiative.position = next_position(roadmap.initiatives.all())
    with unique_or_refused("title", DUPLICATE):
        initiative.save()
    initiative.objectives.set(objectives)
    return initiative


@transaction.atomic
def initiative_update(
    *,
    initiative: Initiative,
    revision: int | None = None,
    by: AbstractBaseUser | None = None,
    objectives: Iterable[Objective] | None = None,
    **fields,
) -> Initiative:
    """Change the fields given (any of FIELDS) and, when given, the objectives it
    serves. `revision` is the one the user saw: a save over a later one is refused."""
    only_known_fields(fields, FIELDS, "initiative_update")
    for name, value in fields.items():
        setattr(initiative, name, value.strip() if name == "title" else value)
    if initiative.rag == RAG.GREEN:
        initiative.rag_reason = ""
    chosen = _checked(initiative, initiative.objectives.all() if objectives is None else objectives)
    save_revised(initiative, fields=FIELDS, revision=revision, by=by, unique=("title", DUPLICATE))
    if objectives is not None:
        initiative.objectives.set(chosen)
    return initiative


def initiative_move(*, initiative: Initiative, move: Move | MoveTo) -> MoveResult:
    return move_in_list(
        item=initiative,
        siblings=Initiative.objects.filter(roadmap_id=initiative.roadmap_id),
        move=move,
        parent=Roadmap(pk=initiative.roadmap_id),
    )


@transaction.atomic
def initiative_delete(*, initiative: Initiative) -> None:
    initiative.delete()


@transaction.atomic
def dependency_add(*, initiative: Initiative, prerequisite: Initiative) -> Dependency:
    """`initiative` may start once `prerequisite` has finished. Refused when it would
    make a circle of dependencies (the message names it), or links two roadmaps."""
    if prerequisite.roadmap_id != initiative.roadmap_id:
        raise Refused("prerequisite", "Choose an initiative of this roadmap.")
    locked(initiative.roadmap)  # two additions at once cannot make a cycle between them
    edges = list(
        Dependency.objects.filter(initiative__roadmap_id=initiative.roadmap_id).values_list(
            "initiative_id", "prerequisite_id"
        )
    )
    if (initiative.pk, prerequisite.pk) in edges:
        raise Refused("prerequisite", f"It already depends on “{prerequisite.title}”.")
    cycle = dependency_cycle(edges, (initiative.pk, prerequisite.pk))
    if cycle:
        names = dict(Initiative.objects.filter(pk__in=set(cycle)).values_list("pk", "title"))
        raise Refused("prerequisite", cycle_message(cycle, names))
    return Dependency.objects.create(initiative=initiative, prerequisite=prerequisite)


@transaction.atomic
def dependency_remove(*, dependency: Dependency) -> None:
    dependency.delete()
