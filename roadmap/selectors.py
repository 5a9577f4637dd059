"""Reads that several pages (and the PDF report) share, in a fixed number of queries."""

from django.db.models import Prefetch, QuerySet

from .models import KPI, Measurement, Objective, ObjectiveAlignment, Roadmap


def kpis_with_measurements() -> QuerySet[KPI]:
    return KPI.objects.select_related("owner").prefetch_related(
        Prefetch("measurements", queryset=Measurement.objects.order_by("date", "pk"))
    )


def objectives_in_full(roadmap: Roadmap) -> QuerySet[Objective]:
    """A roadmap's objectives with owner, alignments, KPIs and their measurements."""
    return (
        Objective.objects.filter(roadmap=roadmap)
        .select_related("owner")
        .prefetch_related(
            Prefetch(
                "alignments",
                queryset=ObjectiveAlignment.objects.select_related("goal").order_by(
                    "goal__position", "goal__pk"
                ),
            ),
            Prefetch("kpis", queryset=kpis_with_measurements().order_by("position", "pk")),
        )
        .order_by("position", "pk")
    )
