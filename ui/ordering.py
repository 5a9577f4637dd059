"""Moving an item up or down an ordered list (objectives, principles, goals, KPIs).

Each "Move up" / "Move down" button is its own POST form with a `direction` of
"up" or "down". Without JavaScript the view redirects back to the item; with
htmx it swaps the list and announces where the item is now.
"""

from dataclasses import dataclass
from enum import StrEnum

from django.core.exceptions import BadRequest
from django.db import models, transaction
from django.http import HttpRequest


class Move(StrEnum):
    UP = "up"
    DOWN = "down"


@dataclass(frozen=True)
class MoveResult:
    moved: bool  # False when the item was already first (up) or last (down)
    place: int  # where it is now, counting from 1
    total: int


def next_position(siblings: models.QuerySet) -> int:
    last = siblings.aggregate(last=models.Max("position"))["last"]
    return 0 if last is None else last + 1


@transaction.atomic
def move_in_list(*, item: models.Model, siblings: models.QuerySet, move: Move) -> MoveResult:
    """Swap `item` with its neighbour; positions come out as 0..n-1."""
    ordered = list(siblings.select_for_update().order_by("position", "pk"))
    index = next(i for i, sibling in enumerate(ordered) if sibling.pk == item.pk)
    other = index - 1 if move == Move.UP else index + 1
    if not 0 <= other < len(ordered):
        return MoveResult(moved=False, place=index + 1, total=len(ordered))
    ordered[index], ordered[other] = ordered[other], ordered[index]
    for position, sibling in enumerate(ordered):
        sibling.position = position
    siblings.model.objects.bulk_update(ordered, ["position"])
    return MoveResult(moved=True, place=other + 1, total=len(ordered))


def requested_move(request: HttpRequest) -> Move:
    try:
        return Move(request.POST.get("direction", ""))
    except ValueError:
        raise BadRequest("Say which way to move it: up or down.") from None


def move_announcement(title: str, move: Move, result: MoveResult) -> str:
    """What a screen reader hears after pressing a move button."""
    if not result.moved:
        end = "first" if move == Move.UP else "last"
        return f"\u201c{title}\u201d is already {end}."
    return f"\u201c{title}\u201d moved {move}: it is now {result.place} of {result.total}."
