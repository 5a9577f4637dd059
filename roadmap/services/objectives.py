"""Writes to a roadmap's objectives. Views call these; they never save models themselves."""

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from ui.concurrency import Refused, editor, locked, save_revised, unique_or_refused
from ui.ordering import Move, MoveResult, MoveTo, move_in_list, next_position

from ..models import Objective, Priority, Roadmap
from ..rules.sponsors import sponsor_problems
from ._checks import check_fields

# What the objective form edits, in the order the form shows it.
OBJECTIVE_FIELDS = (
    "title",
    "description",
    "desired_outcomes",
    "priority",
    "owner",
    "sponsor",
    "sponsor_name",
    "sponsor_role",
    "sponsor_organisation",
    "citizen_centric",
    "citizen_outcome",
)
DUPLICATE = "This roadmap already has an objective with that title."


def _checked(objective: Objective) -> None:
    """The fields' own rules, then one sponsor (rules/sponsors.py). An outside
    sponsor's role and organisation go when their name does."""
    check_fields(objective, OBJECTIVE_FIELDS)
    problems = sponsor_problems(
        has_member_sponsor=objective.sponsor_id is not None,
        sponsor_name=objective.sponsor_name,
        sponsor_role=objective.sponsor_role,
        sponsor_organisation=objective.sponsor_organisation,
    )
    if problems:
        raise Refused(*next(iter(problems.items())))
    objective.sponsor_name = objective.sponsor_name.strip()


@transaction.atomic
def objective_create(
    *,
    roadmap: Roadmap,
    title: str,
    description: str = "",
    desired_outcomes: str = "",
    priority: str = Priority.MEDIUM,
    owner: AbstractBaseUser | None = None,
    sponsor: AbstractBaseUser | None = None,
    sponsor_name: str = "",
    sponsor_role: str = "",
    sponsor_organisation: str = "",
    citizen_centric: bool = False,
    citizen_outcome: str = "",
    by: AbstractBaseUser | None = None,
) -> Objective:
    objective = Objective(
        roadmap=roadmap,
        title=title.strip(),
        description=description,
        desired_outcomes=desired_outcomes,
        priority=priority,
        owner=owner,
        sponsor=sponsor,
        sponsor_name=sponsor_name,
        sponsor_role=sponsor_role,
        sponsor_organisation=sponsor_organisation,
        citizen_centric=citizen_centric,
        citizen_outcome=citizen_outcome if citizen_centric else "",
        updated_by=editor(by),
    )
    _checked(objective)
    locked(roadmap)  # two editors adding at once get distinct positions
    objective.position = next_position(roadmap.objectives.all())
    with unique_or_refused("title", DUPLICATE):
        objective.save()
    return objective


@transaction.atomic
def objective_update(
    *,
    objective: Objective,
    title: str,
    description: str,
    desired_outcomes: str,
    priority: str,
    owner: AbstractBaseUser | None,
    citizen_centric: bool,
    sponsor: AbstractBaseUser | None = None,
    sponsor_name: str = "",
    sponsor_role: str = "",
    sponsor_organisation: str = "",
    citizen_outcome: str,
    revision: int | None = None,
    by: AbstractBaseUser | None = None,
) -> Objective:
    """A non-citizen-centric objective keeps no citizen outcome. `revision` is the
    one the user saw: a save over a later one is refused."""
    objective.title = title.strip()
    objective.description = description
    objective.desired_outcomes = desired_outcomes
    objective.priority = priority
    objective.owner = owner
    objective.sponsor = sponsor
    objective.sponsor_name = sponsor_name
    objective.sponsor_role = sponsor_role
    objective.sponsor_organisation = sponsor_organisation
    objective.citizen_centric = citizen_centric
    objective.citizen_outcome = citizen_outcome if citizen_centric else ""
    _checked(objective)
    save_revised(
        objective, fields=OBJECTIVE_FIELDS, revision=revision, by=by, unique=("title", DUPLICATE)
    )
    return objective


def objective_move(*, objective: Objective, move: Move | MoveTo) -> MoveResult:
    return move_in_list(
        item=objective,
        siblings=Objective.objects.filter(roadmap_id=objective.roadmap_id),
        move=move,
        parent=Roadmap(pk=objective.roadmap_id),
    )


@transaction.atomic
def objective_delete(*, objective: Objective) -> None:
    objective.delete()
