"""Writes to a roadmap's inventory of existing systems and infrastructure."""

from decimal import Decimal

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from roadmap.models import Roadmap
from ui.concurrency import editor, locked, only_known_fields, save_revised, unique_or_refused
from ui.ordering import next_position

from ..models import Criticality, DataClassification, System
from ..rules.inventory import cost_problem, year_problem
from ._checks import check_fields, refuse_if, this_year

# Every field of a system, in the order the form and the downloads show them.
FIELDS = (
    "name",
    "purpose",
    "business_owner",
    "hosting",
    "main_technology",
    "year_introduced",
    "lifecycle",
    "condition",
    "criticality",
    "data_classification",
    "user_count",
    "annual_cost",
)
DUPLICATE = "This inventory already has a system with that name."


def _checked(system: System) -> None:
    """The rules a form applies, for any caller (an import, the admin)."""
    system.name = system.name.strip()
    refuse_if("year_introduced", year_problem(system.year_introduced, this_year=this_year()))
    refuse_if("annual_cost", cost_problem(system.annual_cost))
    check_fields(system, FIELDS)


@transaction.atomic
def system_create(
    *,
    roadmap: Roadmap,
    name: str,
    hosting: str,
    lifecycle: str,
    criticality: str = Criticality.MEDIUM,
    purpose: str = "",
    business_owner: str = "",
    main_technology: str = "",
    year_introduced: int | None = None,
    condition: int = 3,
    data_classification: str = DataClassification.INTERNAL,
    user_count: int | None = None,
    annual_cost: Decimal | None = None,
    by: AbstractBaseUser | None = None,
) -> System:
    system = System(
        roadmap=roadmap,
        name=name,
        purpose=purpose,
        business_owner=business_owner,
        hosting=hosting,
        main_technology=main_technology,
        year_introduced=year_introduced,
        lifecycle=lifecycle,
        condition=condition,
        criticality=criticality,
        data_classification=data_classification,
        user_count=user_count,
        annual_cost=annual_cost,
        updated_by=editor(by),
    )
    _checked(system)
    locked(roadmap)
    system.position = next_position(roadmap.systems.all())
    with unique_or_refused("name", DUPLICATE):
        system.save()
    return system


@transaction.atomic
def system_update(
    *,
    system: System,
    revision: int | None = None,
    by: AbstractBaseUser | None = None,
    **fields,
) -> System:
    """Change the fields given (any of FIELDS). `revision` is the one the user
    saw: a save over a later one is refused."""
    only_known_fields(fields, FIELDS, "system_update")
    for name, value in fields.items():
        setattr(system, name, value)
    _checked(system)
    save_revised(system, fields=FIELDS, revision=revision, by=by, unique=("name", DUPLICATE))
    return system


@transaction.atomic
def system_delete(*, system: System) -> None:
    system.delete()
