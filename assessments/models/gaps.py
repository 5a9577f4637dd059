"""Capability gaps: what the assessment found missing, where it was found, and
(declared here, pointing up to roadmap) the initiatives that close it."""

from django.db import models
from django.db.models import Q

from roadmap.models import DESCRIPTION_MAX_LENGTH, TITLE_MAX_LENGTH, Roadmap
from ui.addresses import Addressed
from ui.concurrency import Revisioned

from ._fields import Severity
from .assessments import Assessment
from .frameworks import Dimension
from .processes import Process
from .swot import SwotItem
from .systems import System


class GapSource(models.TextChoices):
    DIMENSION = "dimension", "A low-scoring dimension"
    WEAKNESS = "weakness", "A weakness"
    SYSTEM = "system", "A system to migrate or eliminate"
    PROCESS = "process", "A process still on paper"
    OTHER = "other", "Other"


class Gap(Addressed, Revisioned):
    roadmap = models.ForeignKey(Roadmap, on_delete=models.CASCADE, related_name="gaps")
    title = models.CharField(max_length=TITLE_MAX_LENGTH)
    description = models.TextField(max_length=DESCRIPTION_MAX_LENGTH, blank=True)
    severity = models.CharField(max_length=20, choices=Severity.choices, default=Severity.MEDIUM)
    source = models.CharField(max_length=20, choices=GapSource.choices, default=GapSource.OTHER)
    # Where it was found: the one that matches `source` (a dimension, in the
    # assessment whose results showed it), or none for "other".
    assessment = models.ForeignKey(
        Assessment, on_delete=models.SET_NULL, null=True, blank=True, related_name="gaps"
    )
    dimension = models.ForeignKey(
        Dimension, on_delete=models.SET_NULL, null=True, blank=True, related_name="gaps"
    )
    weakness = models.ForeignKey(
        SwotItem, on_delete=models.SET_NULL, null=True, blank=True, related_name="gaps"
    )
    system = models.ForeignKey(
        System, on_delete=models.SET_NULL, null=True, blank=True, related_name="gaps"
    )
    process = models.ForeignKey(
        Process, on_delete=models.SET_NULL, null=True, blank=True, related_name="gaps"
    )
    initiatives = models.ManyToManyField(
        "roadmap.Initiative",
        related_name="gaps",
        blank=True,
        help_text="The initiatives that close it.",
    )
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["roadmap", "title"], name="gap_title_per_roadmap"),
            # A source other than its own kind is never recorded beside it.
            models.CheckConstraint(
                condition=(Q(source="dimension") | Q(dimension__isnull=True))
                & (Q(source="weakness") | Q(weakness__isnull=True))
                & (Q(source="system") | Q(system__isnull=True))
                & (Q(source="process") | Q(process__isnull=True)),
                name="gap_source_matches",
            ),
        ]

    url_name = "assessments:gap"

    def __str__(self) -> str:
        return self.title

    def url_kwargs(self) -> dict[str, str | int]:
        return {**self.roadmap.url_kwargs(), "pk": self.pk}

    def get_absolute_url(self) -> str:
        return f"{self.roadmap.address('assessments:gaps')}#gap-{self.pk}"
