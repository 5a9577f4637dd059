"""Reads of an objective's alignments."""

from django.shortcuts import get_object_or_404

from ..models import Objective, ObjectiveAlignment


def alignment_for(objective: Objective, pk: int) -> ObjectiveAlignment:
    return get_object_or_404(
        ObjectiveAlignment.objects.filter(objective=objective).select_related("goal"), pk=pk
    )
