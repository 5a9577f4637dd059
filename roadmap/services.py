"""Writes to roadmaps, principles, goals, objectives and alignments.

Views call these; they never save models themselves.
"""

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from agencies.models import Organisation

from .models import (
    GuidingPrinciple,
    Objective,
    ObjectiveAlignment,
    OrganisationalGoal,
    Priority,
    Roadmap,
    RoadmapStatus,
)
from .ordering import Move, MoveResult, move_in_list, next_position


@transaction.atomic
def roadmap_create(
    *,
    organisation: Organisation,
    created_by: AbstractBaseUser | None,
    title: str,
    slug: str,
    horizon_start_year: int,
    horizon_end_year: int,
    vision: str = "",
    purpose: str = "",
) -> Roadmap:
    return Roadmap.objects.create(
        organisation=organisation,
        created_by=created_by,
        title=title,
        slug=slug,
        horizon_start_year=horizon_start_year,
        horizon_end_year=horizon_end_year,
        vision=vision,
        purpose=purpose,
        status=RoadmapStatus.DRAFT,
    )


@transaction.atomic
def roadmap_update(
    *,
    roadmap: Roadmap,
    title: str,
    horizon_start_year: int,
    horizon_end_year: int,
    vision: str,
    purpose: str = "",
) -> Roadmap:
    roadmap.title = title
    roadmap.horizon_start_year = horizon_start_year
    roadmap.horizon_end_year = horizon_end_year
    roadmap.vision = vision
    roadmap.purpose = purpose
    roadmap.save(
        update_fields=[
            "title",
            "horizon_start_year",
            "horizon_end_year",
            "vision",
            "purpose",
            "updated_at",
        ]
    )
    return roadmap


# Guiding principles -------------------------------------------------------------


@transaction.atomic
def principle_create(*, roadmap: Roadmap, title: str, description: str = "") -> GuidingPrinciple:
    Roadmap.objects.select_for_update().filter(pk=roadmap.pk).first()
    return GuidingPrinciple.objects.create(
        roadmap=roadmap,
        title=title,
        description=description,
        position=next_position(roadmap.principles.all()),
    )


@transaction.atomic
def principle_update(
    *, principle: GuidingPrinciple, title: str, description: str
) -> GuidingPrinciple:
    principle.title = title
    principle.description = description
    principle.save(update_fields=["title", "description"])
    return principle


def principle_move(*, principle: GuidingPrinciple, move: Move) -> MoveResult:
    return move_in_list(
        item=principle,
        siblings=GuidingPrinciple.objects.filter(roadmap_id=principle.roadmap_id),
        move=move,
    )


@transaction.atomic
def principle_delete(*, principle: GuidingPrinciple) -> None:
    principle.delete()


# Organisational goals -----------------------------------------------------------


@transaction.atomic
def goal_create(
    *, organisation: Organisation, title: str, description: str = ""
) -> OrganisationalGoal:
    Organisation.objects.select_for_update().filter(pk=organisation.pk).first()
    return OrganisationalGoal.objects.create(
        organisation=organisation,
        title=title,
        description=description,
        position=next_position(organisation.goals.all()),
    )


@transaction.atomic
def goal_update(*, goal: OrganisationalGoal, title: str, description: str) -> OrganisationalGoal:
    goal.title = title
    goal.description = description
    goal.save(update_fields=["title", "description"])
    return goal


def goal_move(*, goal: OrganisationalGoal, move: Move) -> MoveResult:
    return move_in_list(
        item=goal,
        siblings=OrganisationalGoal.objects.filter(organisation_id=goal.organisation_id),
        move=move,
    )


@transaction.atomic
def goal_delete(*, goal: OrganisationalGoal) -> None:
    goal.delete()  # its alignments go with it


# Objectives ---------------------------------------------------------------------


@transaction.atomic
def objective_create(
    *,
    roadmap: Roadmap,
    title: str,
    description: str = "",
    desired_outcomes: str = "",
    priority: str = Priority.MEDIUM,
    owner: AbstractBaseUser | None = None,
    citizen_centric: bool = False,
    citizen_outcome: str = "",
) -> Objective:
    # Lock the roadmap row so two editors adding at once get distinct positions.
    Roadmap.objects.select_for_update().filter(pk=roadmap.pk).first()
    return Objective.objects.create(
        roadmap=roadmap,
        title=title,
        description=description,
        desired_outcomes=desired_outcomes,
        priority=priority,
        owner=owner,
        citizen_centric=citizen_centric,
        citizen_outcome=citizen_outcome if citizen_centric else "",
        position=next_position(roadmap.objectives.all()),
    )


OBJECTIVE_FIELDS = (
    "title",
    "description",
    "desired_outcomes",
    "priority",
    "owner",
    "citizen_centric",
    "citizen_outcome",
)


@transaction.atomic
def objective_update(*, objective: Objective, **changes) -> Objective:
    """Change any of OBJECTIVE_FIELDS; a non-citizen-centric objective keeps no outcome."""
    unknown = set(changes) - set(OBJECTIVE_FIELDS)
    if unknown:
        raise TypeError(f"objective_update() got unexpected fields: {sorted(unknown)}")
    for field, value in changes.items():
        setattr(objective, field, value)
    if not objective.citizen_centric:
        objective.citizen_outcome = ""
    objective.save(update_fields=[*OBJECTIVE_FIELDS, "updated_at"])
    return objective


def objective_move(*, objective: Objective, move: Move) -> MoveResult:
    return move_in_list(
        item=objective,
        siblings=Objective.objects.filter(roadmap_id=objective.roadmap_id),
        move=move,
    )


@transaction.atomic
def objective_delete(*, objective: Objective) -> None:
    objective.delete()


@transaction.atomic
def objective_align(
    *, objective: Objective, goal: OrganisationalGoal, rationale: str
) -> ObjectiveAlignment:
    if goal.organisation_id != objective.roadmap.organisation_id:
        raise ValueError("An objective can only serve its own agency's goals.")
    return ObjectiveAlignment.objects.create(objective=objective, goal=goal, rationale=rationale)


@transaction.atomic
def alignment_delete(*, alignment: ObjectiveAlignment) -> None:
    alignment.delete()
