"""Reordering a list of ordered children (principles, goals, objectives, KPIs...).

Each item has "Move up" and "Move down" buttons (a POST with `direction` "up"
or "down") and a "Move to position" field (a POST with `position`, counting
from 1), so a keyboard user can send item 9 to the top in one step. Without
JavaScript the view redirects back to the item; with htmx it swaps the list
and announces where the item is now.

Moves are safe when several people reorder the same list at once: the list's
parent row is locked first, so moves in one list run one after another, each
sees the order the previous one left, and positions always come out 0..n-1.
"""

from dataclasses import dataclass
from enum import StrEnum

from django.core.exceptions import BadRequest
from django.db import models, transaction
from django.http import Http404, HttpRequest


class Move(StrEnum):
    UP = "up"
    DOWN = "down"


@dataclass(frozen=True)
class MoveTo:
    """Move to a place in the list, counting from 1."""

    place: int
    value = "to"  # what templates compare `moved` with, as Move.UP.value is "up"


@dataclass(frozen=True)
class MoveResult:
    moved: bool  # False when the item was already where it was asked to go
    place: int  # where it is now, counting from 1
    total: int


def next_position(siblings: models.QuerySet) -> int:
    last = siblings.aggregate(last=models.Max("position"))["last"]
    return 0 if last is None else last + 1


@transaction.atomic
def move_in_list(
    *,
    item: models.Model,
    siblings: models.QuerySet,
    move: Move | MoveTo,
    parent: models.Model,
) -> MoveResult:
    """Move `item` one step, or to a place, among `siblings`; positions come out
    as 0..n-1. `parent` is the row that owns the list: locking it first makes
    concurrent moves in one list wait for each other instead of deadlocking."""
    type(parent)._default_manager.select_for_update().filter(pk=parent.pk).first()
    ordered = list(siblings.order_by("position", "pk"))
    index = next((i for i, sibling in enumerate(ordered) if sibling.pk == item.pk), None)
    if index is None:
        raise Http404("It has been deleted.")
    if isinstance(move, MoveTo):
        target = min(max(move.place, 1), len(ordered)) - 1
    else:
        target = index - 1 if move == Move.UP else index + 1
    if not 0 <= target < len(ordered) or target == index:
        return MoveResult(moved=False, place=index + 1, total=len(ordered))
    ordered.insert(target, ordered.pop(index))
    changed = []
    for position, sibling in enumerate(ordered):
        if sibling.position != position:
            sibling.position = position
            changed.append(sibling)
    siblings.model._default_manager.bulk_update(changed, ["position"])
    return MoveResult(moved=True, place=target + 1, total=len(ordered))


def requested_move(request: HttpRequest) -> Move | MoveTo:
    """The move a POST asks for: a `direction`, or a `position` from 1."""
    if "position" in request.POST:
        try:
            return MoveTo(int(request.POST["position"].strip()))
        except ValueError:
            raise BadRequest("Give the position as a whole number, for example 1.") from None
    try:
        return Move(request.POST.get("direction", ""))
    except ValueError:
        raise BadRequest("Say which way to move it: up or down.") from None


def move_announcement(title: str, move: Move | MoveTo, result: MoveResult) -> str:
    """What a screen reader hears after a move."""
    if not result.moved:
        if isinstance(move, MoveTo):
            return f"\u201c{title}\u201d is already {result.place} of {result.total}."
        end = "first" if move == Move.UP else "last"
        return f"\u201c{title}\u201d is already {end}."
    how = "moved" if isinstance(move, MoveTo) else f"moved {move}"
    return f"\u201c{title}\u201d {how}: it is now {result.place} of {result.total}."
