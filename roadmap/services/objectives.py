"""Writes to a roadmap's objectives. Views call these; they never save models themselves."""

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from ui.ordering import Move, MoveResult, move_in_list, next_position

from ..models import Objective, Priority, Roadmap


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
