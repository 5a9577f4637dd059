"""Writes to a roadmap's SWOT: four ordered lists of short items (strengths,
weaknesses, opportunities, threats), each optionally tied to a dimension."""

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from roadmap.models import Roadmap
from ui.concurrency import Refused, editor, locked, save_revised
from ui.ordering import Move, MoveResult, MoveTo, move_in_list, next_position

from ..models import Dimension, SwotItem
from ..selectors.swot import dimension_choices
from ._checks import check_fields

FIELDS = ("text", "dimension")


def _checked(item: SwotItem) -> None:
    item.text = item.text.strip()
    check_fields(item, ("quadrant", *FIELDS))
    if item.dimension_id and not dimension_choices(item.roadmap).filter(pk=item.dimension_id):
        raise Refused("dimension", "Choose a dimension of the frameworks this roadmap uses.")


@transaction.atomic
def swot_item_create(
    *,
    roadmap: Roadmap,
    quadrant: str,
    text: str,
    dimension: Dimension | None = None,
    by: AbstractBaseUser | None = None,
) -> SwotItem:
    item = SwotItem(
        roadmap=roadmap, quadrant=quadrant, text=text, dimension=dimension, updated_by=editor(by)
    )
    _checked(item)
    locked(roadmap)  # two editors adding at once get distinct positions
    item.position = next_position(roadmap.swot_items.filter(quadrant=quadrant))
    item.save()
    return item


@transaction.atomic
def swot_item_update(
    *,
    swot_item: SwotItem,
    text: str,
    dimension: Dimension | None = None,
    revision: int | None = None,
    by: AbstractBaseUser | None = None,
) -> SwotItem:
    """`revision` is the one the user saw: a save over a later one is refused."""
    swot_item.text = text
    swot_item.dimension = dimension
    _checked(swot_item)
    save_revised(swot_item, fields=FIELDS, revision=revision, by=by)
    return swot_item


def swot_item_move(*, swot_item: SwotItem, move: Move | MoveTo) -> MoveResult:
    """Moves within its own quadrant."""
    return move_in_list(
        item=swot_item,
        siblings=SwotItem.objects.filter(
            roadmap_id=swot_item.roadmap_id, quadrant=swot_item.quadrant
        ),
        move=move,
        parent=Roadmap(pk=swot_item.roadmap_id),
    )


@transaction.atomic
def swot_item_delete(*, swot_item: SwotItem) -> None:
    swot_item.delete()
