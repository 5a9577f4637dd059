"""Reads of a roadmap's guiding principles."""

from django.shortcuts import get_object_or_404

from ..models import GuidingPrinciple, Roadmap


def principle_for(roadmap: Roadmap, pk: int) -> GuidingPrinciple:
    return get_object_or_404(roadmap.principles.all(), pk=pk)  # knows its roadmap
