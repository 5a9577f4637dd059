"""Organisational goals: the agency's own goals, kept once and shared by all its
roadmaps, and a roadmap's own goals (its aims), which only that roadmap's
objectives may serve. A roadmap lists its own goals before the shared ones."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower

from agencies.models import Organisation
from ui.addresses import Addressed
from ui.concurrency import Revisioned

from .roadmaps import DESCRIPTION_MAX_LENGTH, TITLE_MAX_LENGTH, Roadmap


class OrganisationalGoal(Addressed, Revisioned):
    """A goal of the agency as a whole (no `roadmap`), or of one of its roadmaps."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="goals", verbose_name="agency"
    )
    roadmap = models.ForeignKey(
        Roadmap,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="own_goals",
        help_text="Empty: a goal of the whole agency, shared by all its roadmaps.",
    )
    title = models.CharField(max_length=TITLE_MAX_LENGTH)
    description = models.TextField(max_length=DESCRIPTION_MAX_LENGTH, blank=True)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = "organisational goal"
        constraints = [
            models.UniqueConstraint(
                "organisation",
                Lower("title"),
                condition=Q(roadmap__isnull=True),
                name="goal_title_unique_per_agency",
            ),
            models.UniqueConstraint(
                "roadmap",
                Lower("title"),
                condition=Q(roadmap__isnull=False),
                name="goal_title_unique_per_roadmap",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        """For the admin: a roadmap's goal belongs to that roadmap's agency."""
        if self.roadmap_id and self.organisation_id != self.roadmap.organisation_id:
            raise ValidationError({"roadmap": "Choose a roadmap of the goal's agency."})

    @property
    def url_name(self) -> str:  # type: ignore[override]
        return "roadmap:goal" if self.roadmap_id is None else "roadmap:roadmap_goal"

    def url_kwargs(self) -> dict[str, str | int]:
        if self.roadmap_id is not None:
            return {**self.roadmap.url_kwargs(), "pk": self.pk}
        return {"agency": self.organisation.slug, "pk": self.pk}
