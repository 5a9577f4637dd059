"""Reads of a roadmap's processes inventory and its counts by digitisation level."""

from django.shortcuts import get_object_or_404

from roadmap.models import Roadmap

from ..models import Digitisation, Process
from .systems import Count, counts


def processes_of(roadmap: Roadmap) -> list[Process]:
    """Every process, by name, each told its roadmap: one query."""
    processes = list(roadmap.processes.order_by("name", "pk"))
    for process in processes:
        process.roadmap = roadmap
    return processes


def process_counts(processes: list[Process]) -> list[Count]:
    return counts(processes, "digitisation", Digitisation)


def process_for(roadmap: Roadmap, pk: int) -> Process:
    process = get_object_or_404(roadmap.processes, pk=pk)
    process.roadmap = roadmap
    return process
