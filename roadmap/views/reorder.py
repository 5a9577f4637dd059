"""Moving an item up or down a list from a "Move up" / "Move down" button.

Each button is its own POST form with a `direction` of "up" or "down". Without
JavaScript the view redirects back to the item; with htmx it swaps the list
and announces where the item is now.
"""

from django.core.exceptions import BadRequest
from django.http import HttpRequest

from ..ordering import Move, MoveResult


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
