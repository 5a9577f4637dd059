"""Reads of a roadmap's components."""

from django.db.models import Count, QuerySet
from django.shortcuts import get_object_or_404

from ..models import Component, Roadmap


def components_of(roadmap: Roadmap) -> QuerySet[Component]:
    """The roadmap's components with their kind and how many initiatives each holds."""
    return (
        roadmap.components.select_related("kind")
        .annotate(initiative_count=Count("initiatives"))
        .order_by("position", "pk")
    )


def component_for(roadmap: Roadmap, pk: int) -> Component:
    component = get_object_or_404(roadmap.components.select_related("kind"), pk=pk)
    component.roadmap = roadmap  # already loaded: no query to reach it again
    return component
