"""The roadmap's SWOT: strengths, weaknesses, opportunities and threats, four
ordered lists of short items, each optionally tied to a framework dimension."""

from django.db import models

from roadmap.models import Roadmap
from ui.addresses import Addressed
from ui.concurrency import Revisioned

from .frameworks import Dimension

SWOT_ITEM_MAX_LENGTH = 300


class Quadrant(models.TextChoices):
    STRENGTH = "strength", "Strength"
    WEAKNESS = "weakness", "Weakness"
    OPPORTUNITY = "opportunity", "Opportunity"
    THREAT = "threat", "Threat"


class SwotItem(Addressed, Revisioned):
    roadmap = models.ForeignKey(Roadmap, on_delete=models.CASCADE, related_name="swot_items")
    quadrant = models.CharField(max_length=20, choices=Quadrant.choices)
    text = models.CharField(max_length=SWOT_ITEM_MAX_LENGTH)
    dimension = models.ForeignKey(
        Dimension,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="swot_items",
        help_text="The maturity dimension it is about, if any.",
    )
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["quadrant", "position", "pk"]

    @property
    def url_name(self) -> str:  # type: ignore[override]
        """Each quadrant is its own list (assessments/views/swot.py): "assessments:strength"."""
        return f"assessments:{self.quadrant}"

    def __str__(self) -> str:
        return self.text

    def url_kwargs(self) -> dict[str, str | int]:
        return {**self.roadmap.url_kwargs(), "pk": self.pk}

    def get_absolute_url(self) -> str:
        return f"{self.roadmap.address('assessments:swot')}#{self.quadrant}-{self.pk}"
