"""Reads of roadmaps. Every lookup is scoped to the caller's agency: 404 otherwise."""

from django.shortcuts import get_object_or_404

from agencies.access import in_agency
from agencies.models import Membership

from ..models import Roadmap


def roadmap_for(membership: Membership, slug: str) -> Roadmap:
    return get_object_or_404(
        in_agency(Roadmap.objects.select_related("organisation"), membership), slug=slug
    )
