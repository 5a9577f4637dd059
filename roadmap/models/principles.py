"""Guiding principles: the ordered rules of thumb behind every decision on a roadmap."""

from django.db import models
from django.db.models.functions import Lower

from ui.addresses import Addressed
from ui.concurrency import Revisioned

from .roadmaps import DESCRIPTION_MAX_LENGTH, TITLE_MAX_LENGTH, Roadmap


class GuidingPrinciple(Addressed, Revisioned):
    """An ordered principle that guides every decision on the roadmap."""

    roadmap = models.ForeignKey(Roadmap, on_delete=models.CASCADE, related_name="principles")
    title = models.CharField(max_length=TITLE_MAX_LENGTH)
    description = models.TextField(max_length=DESCRIPTION_MAX_LENGTH, blank=True)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(
                "roadmap", Lower("title"), name="principle_title_unique_per_roadmap"
            ),
        ]

    url_name = "roadmap:principle"

    def __str__(self) -> str:
        return self.title

    def url_kwargs(self) -> dict[str, str | int]:
        return {**self.roadmap.url_kwargs(), "pk": self.pk}
