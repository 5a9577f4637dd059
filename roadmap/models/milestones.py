"""Milestones: a point on the roadmap, of one initiative or of the roadmap as a
whole, due on a day or in a month, and done (on a date) or not.

A month is stored as its first day (`due_precision` "month") and said as the
month: "March 2027". The rules (overdue, outside the initiative's months,
when it was done) are in `roadmap.rules.milestones`.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone

from ui.addresses import Addressed
from ui.concurrency import Revisioned

from ..rules import milestones as rules
from ..rules.schedule import Span
from .bounds import InRange
from .initiatives import Initiative
from .roadmaps import TITLE_MAX_LENGTH, Roadmap


class DuePrecision(models.TextChoices):
    DAY = rules.DAY, "A day"
    MONTH = rules.MONTH, "A month"


class Milestone(Addressed, Revisioned):
    roadmap = models.ForeignKey(Roadmap, on_delete=models.CASCADE, related_name="milestones")
    initiative = models.ForeignKey(
        Initiative,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="milestones",
        help_text="The initiative it marks, or none for the roadmap as a whole.",
    )
    title = models.CharField(max_length=TITLE_MAX_LENGTH)
    due_date = models.DateField(
        "due date",
        validators=[InRange("plan_date", "a due date")],
        help_text="For a month, its first day.",
    )
    due_precision = models.CharField(
        "due on", max_length=10, choices=DuePrecision.choices, default=DuePrecision.DAY
    )
    done = models.BooleanField(default=False)
    done_on = models.DateField(
        "date it was done",
        null=True,
        blank=True,
        validators=[InRange("plan_date", "the date it was done")],
    )
    position = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["due_date", "position", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(done=False, done_on__isnull=True) | Q(done=True, done_on__isnull=False),
                name="milestone_done_says_when",
                violation_error_message="A milestone that is done says when it was done.",
            ),
        ]

    url_name = "roadmap:milestone"

    def __str__(self) -> str:
        return self.title

    def url_kwargs(self) -> dict[str, str | int]:
        return {**self.roadmap.url_kwargs(), "pk": self.pk}

    def get_absolute_url(self) -> str:
        return f"{self.roadmap.address('roadmap:milestones')}#milestone-{self.pk}"

    def clean(self) -> None:
        """What the fields say together, for the admin (whose form also checks the
        date it was done, as the app's form and the service do)."""
        if self.initiative_id and self.roadmap_id and self.initiative.roadmap_id != self.roadmap_id:
            raise ValidationError({"initiative": "Choose an initiative of this roadmap."})

    @property
    def due_text(self) -> str:
        """ "30 November 2026", or "March 2027" for a month."""
        return rules.due_text(self.due_date, self.due_precision)

    @property
    def state(self) -> rules.MilestoneState:
        return rules.milestone_state(
            due=self.due_date,
            precision=self.due_precision,
            done=self.done,
            today=timezone.localdate(),
        )

    @property
    def outside_warning(self) -> str | None:
        """Beside a milestone outside its initiative's months (allowed, but flagged)."""
        if self.initiative is None:
            return None
        span = Span(self.initiative.start_month, self.initiative.end_month)
        return rules.outside_warning(span, self.due_date)
