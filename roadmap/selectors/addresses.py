"""Addresses of many objects of one roadmap, reversed once.

Django's `reverse` costs as much as rendering a row: a page listing hundreds
of risks or milestones, each linking to its initiatives and its own "Change"
and "Delete", spent a third of its time reversing. The route is reversed once
with a stand-in key, and each object's key is put in its place."""

from collections.abc import Callable
from typing import NamedTuple

from django.urls import reverse

from ..models import Roadmap

_STAND_IN = 2_147_483_647  # a key no row of the page has: its digits are replaced


def addresses_in(roadmap: Roadmap, route: str) -> Callable[[int], str]:
    """The address of `route` for the object of `roadmap` with a given key."""
    before, _, after = reverse(route, kwargs={**roadmap.url_kwargs(), "pk": _STAND_IN}).rpartition(
        f"/{_STAND_IN}/"
    )
    return lambda pk: f"{before}/{int(pk)}/{after}"


class Link(NamedTuple):
    """A link a row shows: an initiative a risk threatens."""

    title: str
    url: str


class RowActions(NamedTuple):
    """What `components/inline_list/item_actions.html` needs of an item, with its
    addresses made in `addresses_in`: its key, and where "Change" and "Delete" go."""

    pk: int
    change_url: str
    delete_url: str


def row_actions(roadmap: Roadmap, url_name: str) -> Callable[[int], RowActions]:
    """The actions of each item of a list whose routes are `<url_name>-edit` and `-delete`."""
    change, delete = (
        addresses_in(roadmap, f"{url_name}-{action}") for action in ("edit", "delete")
    )
    return lambda pk: RowActions(pk, change(pk), delete(pk))
