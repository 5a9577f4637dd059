"""Writes to a roadmap's components: the seven every roadmap starts with, and
those a lead adds, renames, describes, reorders or deletes."""

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from ui.concurrency import Refused, editor, locked, save_revised, unique_or_refused
from ui.ordering import Move, MoveResult, MoveTo, move_in_list, next_position

from ..models import Component, ComponentKind, Roadmap
from ._checks import check_fields

FIELDS = ("name", "kind", "description")
DUPLICATE = "This roadmap already has a component with that name."


def components_seed(*, roadmap: Roadmap) -> list[Component]:
    """The seven components of the seed, one of each kind, for a new roadmap. A
    roadmap that already has components keeps them, and gains none ([])."""
    if roadmap.components.exists():
        return []
    return Component.objects.bulk_create(
        Component(
            roadmap=roadmap,
            kind=kind,
            name=kind.name,
            description=kind.description,
            position=position,
            updated_by=roadmap.updated_by,
        )
        for position, kind in enumerate(ComponentKind.objects.order_by("position", "pk"))
    )


@transaction.atomic
def component_create(
    *,
    roadmap: Roadmap,
    name: str,
    kind: ComponentKind | None = None,
    description: str = "",
    by: AbstractBaseUser | None = None,
) -> Component:
    locked(roadmap)  # two leads adding at once get distinct positions
    component = Component(
        roadmap=roadmap,
        name=name.strip(),
        kind=kind,
        description=description,
        position=next_position(roadmap.components.all()),
        updated_by=editor(by),
    )
    check_fields(component, FIELDS)
    with unique_or_refused("name", DUPLICATE):
        component.save()
    return component


@transaction.atomic
def component_update(
    *,
    component: Component,
    name: str,
    kind: ComponentKind | None,
    description: str,
    revision: int | None = None,
    by: AbstractBaseUser | None = None,
) -> Component:
    """Renaming keeps the kind unless the kind is changed too."""
    component.name = name.strip()
    component.kind = kind
    component.description = description
    check_fields(component, FIELDS)
    save_revised(component, fields=FIELDS, revision=revision, by=by, unique=("name", DUPLICATE))
    return component


def component_move(*, component: Component, move: Move | MoveTo) -> MoveResult:
    return move_in_list(
        item=component,
        siblings=Component.objects.filter(roadmap_id=component.roadmap_id),
        move=move,
        parent=Roadmap(pk=component.roadmap_id),
    )


@transaction.atomic
def component_delete(*, component: Component) -> None:
    """Only an empty component goes: its initiatives must move first."""
    locked(component)
    count = component.initiatives.count()
    if count:
        things = "1 initiative" if count == 1 else f"{count} initiatives"
        raise Refused(
            None,
            f"“{component.name}” still holds {things}. Move them to another component first.",
        )
    component.delete()
