"""Reads of a roadmap's systems inventory: the list (filtered from the address),
the counts by lifecycle decision and by hosting, in one query."""

from collections import Counter
from dataclasses import dataclass

from django.shortcuts import get_object_or_404

from roadmap.models import Roadmap

from ..models import Hosting, LifecycleDecision, System


@dataclass(frozen=True)
class Count:
    value: str
    label: str
    count: int


def counts(rows, field: str, choices) -> list[Count]:
    """How many of `rows` have each choice of `field`, in the choices' order, zeros included."""
    counted = Counter(getattr(row, field) for row in rows)
    return [Count(choice.value, choice.label, counted[choice.value]) for choice in choices]


def systems_of(roadmap: Roadmap) -> list[System]:
    """Every system, by name, each told its roadmap."""
    systems = list(roadmap.systems.order_by("name", "pk"))
    for system in systems:
        system.roadmap = roadmap
    return systems


def system_counts(systems: list[System]) -> dict[str, list[Count]]:
    return {
        "by_lifecycle": counts(systems, "lifecycle", LifecycleDecision),
        "by_hosting": counts(systems, "hosting", Hosting),
    }


def system_for(roadmap: Roadmap, pk: int) -> System:
    system = get_object_or_404(roadmap.systems, pk=pk)
    system.roadmap = roadmap
    return system


def lifecycle_by_hosting(systems: list[System]) -> list[tuple[str, list[int], int]]:
    """A cross table for the report: for each lifecycle decision, its count per
    hosting (in Hosting's order) and its total."""
    cells = Counter((system.lifecycle, system.hosting) for system in systems)
    return [
        (
            decision.label,
            [cells[(decision.value, hosting.value)] for hosting in Hosting],
            sum(cells[(decision.value, hosting.value)] for hosting in Hosting),
        )
        for decision in LifecycleDecision
    ]
