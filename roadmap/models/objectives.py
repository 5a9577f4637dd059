"""Strategic objectives of a roadmap (its "missions" or "priorities", as the
roadmap calls them), their sponsor and owner, and their alignment to goals."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower

from ui.addresses import Addressed
from ui.concurrency import Revisioned

from ..rules.sponsors import sponsor_problems
from .goals import OrganisationalGoal
from .roadmaps import DESCRIPTION_MAX_LENGTH, TITLE_MAX_LENGTH, Roadmap
from .sponsors import Sponsored, one_sponsor


class Priority(models.TextChoices):
    HIGH = "high", "High"
    MEDIUM = "medium", "Medium"
    LOW = "low", "Low"


class Objective(Addressed, Sponsored, Revisioned):
    """A strategic objective of a roadmap, measured by its KPIs. Its sponsor is
    accountable for it (a member or a named person outside the product); its owner
    is the member who looks after it day to day."""

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
        help_text="The member who looks after it day to day.",
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
            one_sponsor("objective_one_sponsor"),
        ]

    url_name = "roadmap:objective"

    def __str__(self) -> str:
        return self.title

    def url_kwargs(self) -> dict[str, str | int]:
        return {**self.roadmap.url_kwargs(), "pk": self.pk}

    def get_absolute_url(self) -> str:
        return self.action_url("detail")

    def clean(self) -> None:
        """For the admin: a named sponsor (rules/sponsors.py); "not both" is also a
        database constraint, which the admin checks too."""
        problems = sponsor_problems(
            has_member_sponsor=False,
            sponsor_name=self.sponsor_name,
            sponsor_role=self.sponsor_role,
            sponsor_organisation=self.sponsor_organisation,
        )
        if problems:
            raise ValidationError(problems)

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
        # The roadmap's own goals first, then the agency's shared ones.
        ordering = [models.F("goal__roadmap").asc(nulls_last=True), "goal__position", "goal__pk"]
        constraints = [
            models.UniqueConstraint(fields=["objective", "goal"], name="align_once_per_goal"),
        ]

    url_name = "roadmap:alignment"

    def __str__(self) -> str:
        return f"{self.objective} serves {self.goal}"

    def url_kwargs(self) -> dict[str, str | int]:
        return {**self.objective.url_kwargs(), "alignment_pk": self.pk}
