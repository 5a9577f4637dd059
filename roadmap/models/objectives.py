"""Strategic objectives of a roadmap and their alignment to the agency's goals."""

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower

from ui.addresses import Addressed
from ui.concurrency import Revisioned

from .goals import OrganisationalGoal
from .roadmaps import DESCRIPTION_MAX_LENGTH, TITLE_MAX_LENGTH, Roadmap


class Priority(models.TextChoices):
    HIGH = "high", "High"
    MEDIUM = "medium", "Medium"
    LOW = "low", "Low"


class Objective(Addressed, Revisioned):
    """A strategic objective of a roadmap, measured by its KPIs."""

    roadmap = models.ForeignKey(Roadmap, on_delete=models.CASCADE, related_name="objectives")
    title = models.CharField(max_length=TITLE_MAX_LENGTH)
    description = models.TextField(max_length=DESCRIPTION_MAX_LENGTH, blank=True)
    desired_outcomes = models.TextField(
        max_length=DESCRIPTION_MAX_LENGTH,
        blank=True,
        help_text="What will be different when the objective is met. One per line.",
    )
    priority = models.CharField(max_length=10, choices=Priority.choices, default=Priority.MEDIUM)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="The member accountable for this objective.",
    )
    citizen_centric = models.BooleanField(
        "citizen-centric", default=False, help_text="Does it directly change things for citizens?"
    )
    citizen_outcome = models.CharField(
        max_length=TITLE_MAX_LENGTH,
        blank=True,
        help_text="Which outcome for citizens it improves, for example 'faster benefit decisions'.",
    )
    goals = models.ManyToManyField(
        OrganisationalGoal, through="ObjectiveAlignment", related_name="objectives", blank=True
    )
    position = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(
                "roadmap", Lower("title"), name="objective_title_unique_per_roadmap"
            ),
        ]

    url_name = "roadmap:objective"

    def __str__(self) -> str:
        return self.title

    def url_kwargs(self) -> dict[str, str | int]:
        return {**self.roadmap.url_kwargs(), "pk": self.pk}

    def get_absolute_url(self) -> str:
        return self.action_url("detail")

    @property
    def outcome_list(self) -> list[str]:
        return [line.strip(" -•*") for line in self.desired_outcomes.splitlines() if line.strip()]


class ObjectiveAlignment(Addressed, models.Model):
    """How an objective serves one of the agency's organisational goals."""

    objective = models.ForeignKey(Objective, on_delete=models.CASCADE, related_name="alignments")
    goal = models.ForeignKey(
        OrganisationalGoal, on_delete=models.CASCADE, related_name="alignments"
    )
    rationale = models.CharField(
        max_length=TITLE_MAX_LENGTH, blank=True, help_text="One line: how the objective serves it."
    )

    class Meta:
        ordering = ["goal__position", "goal__pk"]
        constraints = [
            models.UniqueConstraint(fields=["objective", "goal"], name="align_once_per_goal"),
        ]

    url_name = "roadmap:alignment"

    def __str__(self) -> str:
        return f"{self.objective} serves {self.goal}"

    def url_kwargs(self) -> dict[str, str | int]:
        return {**self.objective.url_kwargs(), "alignment_pk": self.pk}
