"""Reads of a roadmap's SWOT, in a fixed number of queries."""

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from roadmap.models import Roadmap

from ..models import Dimension, Quadrant, SwotItem


def dimension_choices(roadmap: Roadmap) -> QuerySet[Dimension]:
    """The dimensions a SWOT item or a gap may name: those of the frameworks the
    roadmap's assessments use, or of the current frameworks when it has none."""
    used = Dimension.objects.filter(framework__assessments__roadmap=roadmap)
    chosen = used if used.exists() else Dimension.objects.filter(framework__is_current=True)
    return (
        Dimension.objects.filter(pk__in=chosen.values("pk"))
        .select_related("framework")
        .order_by("framework__name", "framework__version", "position", "pk")
    )


def swot_of(roadmap: Roadmap) -> dict[str, list[SwotItem]]:
    """The four quadrants' items in order, each told its roadmap: one query."""
    quadrants: dict[str, list[SwotItem]] = {quadrant.value: [] for quadrant in Quadrant}
    for item in roadmap.swot_items.select_related("dimension").order_by("position", "pk"):
        item.roadmap = roadmap
        quadrants[item.quadrant].append(item)
    return quadrants


def swot_item_for(roadmap: Roadmap, quadrant: str, pk: int) -> SwotItem:
    item = get_object_or_404(
        roadmap.swot_items.select_related("dimension"), quadrant=quadrant, pk=pk
    )
    item.roadmap = roadmap
    return item
