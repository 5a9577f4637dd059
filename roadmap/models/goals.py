"""Organisational goals: the agency's own goals, kept once and reused by its roadmaps."""

from django.db import models
from django.db.models.functions import Lower

from agencies.models import Organisation
from ui.addresses import Addressed
from ui.concurrency import Revisioned

from .roadmaps import DESCRIPTION_MAX_LENGTH, TITLE_MAX_LENGTH


class OrganisationalGoal(Addressed, Revisioned):
    """A goal of the agency as a whole, kept once and reused by all its roadmaps."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="goals", verbose_name="agency"
    )
    title = models.CharField(max_length=TITLE_MAX_LENGTH)
    description = models.TextField(max_length=DESCRIPTION_MAX_LENGTH, blank=True)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = "organisational goal"
        constraints = [
            models.UniqueConstraint(
                "organisation", Lower("title"), name="goal_title_unique_per_agency"
            ),
        ]

    url_name = "roadmap:goal"

    def __str__(self) -> str:
        return self.title

    def url_kwargs(self) -> dict[str, str | int]:
        return {"agency": self.organisation.slug, "pk": self.pk}
