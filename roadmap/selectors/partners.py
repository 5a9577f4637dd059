"""Reads of a roadmap's partner organisations."""

from django.shortcuts import get_object_or_404

from ..models import Partner, Roadmap


def partner_for(roadmap: Roadmap, pk: int) -> Partner:
    return get_object_or_404(roadmap.partners.all(), pk=pk)  # knows its roadmap
