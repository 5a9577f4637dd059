"""Reads of a roadmap's initiatives: one for its page, or all of them, filtered
and sorted, for the list and the timeline, in a fixed number of queries."""

from django.db.models import Count, Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404

from ..models import Dependency, Initiative, Roadmap


def initiatives_of(roadmap: Roadmap) -> QuerySet[Initiative]:
    """The roadmap's initiatives with component, owner, sponsor, objectives and the
    initiatives each depends on: five queries however many there are."""
    return (
        roadmap.initiatives.select_related("component", "owner", "sponsor")
        .prefetch_related(
            "objectives",
            Prefetch(
                "dependencies",
                queryset=Dependency.objects.select_related("prerequisite"),
            ),
        )
        .order_by("component__position", "start_month", "position", "pk")
    )


def initiative_for(roadmap: Roadmap, pk: int) -> Initiative:
    initiative = get_object_or_404(
        roadmap.initiatives.select_related("component", "owner", "sponsor"), pk=pk
    )
    initiative.roadmap = roadmap  # already loaded: no query to reach it again
    return initiative


def initiative_in_full(roadmap: Roadmap, pk: int) -> Initiative:
    """The initiative with its objectives, what it depends on and what depends on it."""
    initiative = get_object_or_404(
        initiatives_of(roadmap).prefetch_related(
            Prefetch(
                "dependant_links",
                queryset=Dependency.objects.select_related("initiative").order_by(
                    "initiative__start_month", "initiative__pk"
                ),
            )
        ),
        pk=pk,
    )
    initiative.roadmap = roadmap
    return initiative


def initiative_counts(roadmap: Roadmap) -> dict[str, int]:
    """How many initiatives the roadmap has, in progress, done, and amber or red
    (of those not done or cancelled): one query."""
    return roadmap.initiatives.aggregate(
        total=Count("pk"),
        in_progress=Count("pk", filter=Q(status="in_progress")),
        done=Count("pk", filter=Q(status="done")),
        not_green=Count("pk", filter=~Q(rag="green") & ~Q(status__in=["done", "cancelled"])),
    )
