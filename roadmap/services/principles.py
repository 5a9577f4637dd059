"""Writes to a roadmap's guiding principles."""

from django.db import transaction

from ui.ordering import Move, MoveResult, move_in_list, next_position

from ..models import GuidingPrinciple, Roadmap


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
