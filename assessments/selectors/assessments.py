"""Reads of a roadmap's assessments, scoped to the roadmap (itself scoped to the
caller's agency by roadmap.selectors.roadmaps.roadmap_for): 404 otherwise."""

from django.db.models import Count, Q, QuerySet
from django.shortcuts import get_object_or_404

from roadmap.models import Roadmap

from ..models import Assessment, AssessmentStatus, Framework


def assessments_of(roadmap: Roadmap) -> QuerySet[Assessment]:
    """Newest first, each with its framework and how many people have answered."""
    return (
        Assessment.objects.filter(roadmap=roadmap)
        .select_related("framework", "roadmap__organisation")
        .annotate(respondents=Count("answers__respondent", distinct=True))
        .order_by("-assessed_on", "-pk")  # Meta.ordering does not apply with GROUP BY
    )


def assessment_for(roadmap: Roadmap, pk: int) -> Assessment:
    return get_object_or_404(
        Assessment.objects.select_related("framework", "roadmap__organisation"),
        roadmap=roadmap,
        pk=pk,
    )


def latest_completed(roadmap: Roadmap) -> Assessment | None:
    return (
        Assessment.objects.filter(roadmap=roadmap, status=AssessmentStatus.COMPLETED)
        .select_related("framework")
        .first()
    )


def earlier_assessments(assessment: Assessment) -> list[Assessment]:
    """The roadmap's other assessments dated before it (or the same day, added
    before it): the ones its results can be compared with, newest first."""
    return list(
        Assessment.objects.filter(roadmap_id=assessment.roadmap_id)
        .filter(
            Q(assessed_on__lt=assessment.assessed_on)
            | Q(assessed_on=assessment.assessed_on, pk__lt=assessment.pk)
        )
        .select_related("framework", "roadmap__organisation")
    )


def current_frameworks() -> QuerySet[Framework]:
    return Framework.objects.filter(is_current=True).order_by("name")
