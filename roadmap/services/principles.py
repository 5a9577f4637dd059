"""Writes to a roadmap's guiding principles."""

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from ui.concurrency import editor, locked, save_revised, unique_or_refused
from ui.ordering import Move, MoveResult, MoveTo, move_in_list, next_position

from ..models import GuidingPrinciple, Roadmap
from ._checks import check_fields

FIELDS = ("title", "description")
DUPLICATE = "This roadmap already has that principle."


@transaction.atomic
def principle_create(
    *, roadmap: Roadmap, title: str, description: str = "", by: AbstractBaseUser | None = None
) -> GuidingPrinciple:
    locked(roadmap)  # two editors adding at once get distinct positions
    principle = GuidingPrinciple(
        roadmap=roadmap,
        title=title.strip(),
        description=description,
        position=next_position(roadmap.principles.all()),
        updated_by=editor(by),
    )
    check_fields(principle, FIELDS)
    with unique_or_refused("title", DUPLICATE):
        principle.save()
    return principle


@transaction.atomic
def principle_update(
    *,
    principle: GuidingPrinciple,
    title: str,
    description: str,
    revision: int | None = None,
    by: AbstractBaseUser | None = None,
) -> GuidingPrinciple:
    """`revision` is the one the user saw: a save over a later one is refused."""
    principle.title = title.strip()
    principle.description = description
    check_fields(principle, FIELDS)
    save_revised(
        principle,
        fields=FIELDS,
        revision=revision,
        by=by,
        unique=("title", DUPLICATE),
    )
    return principle


def principle_move(*, principle: GuidingPrinciple, move: Move | MoveTo) -> MoveResult:
    return move_in_list(
        item=principle,
        siblings=GuidingPrinciple.objects.filter(roadmap_id=principle.roadmap_id),
        move=move,
        parent=Roadmap(pk=principle.roadmap_id),
    )


@transaction.atomic
def principle_delete(*, principle: GuidingPrinciple) -> None:
    principle.delete()
