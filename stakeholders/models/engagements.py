"""The engagement log: interactions with stakeholders, how they went
(sentiment -2 to +2), and the follow-up actions they led to."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q

from roadmap.models import DESCRIPTION_MAX_LENGTH, TITLE_MAX_LENGTH, Roadmap
from ui.addresses import Addressed
from ui.concurrency import Revisioned

from .stakeholders import Stakeholder

SENTIMENT_MESSAGE = "Enter a sentiment from -2 (very negative) to +2 (very positive)."


class InteractionKind(models.TextChoices):
    MEETING = "meeting", "Meeting"
    WORKSHOP = "workshop", "Workshop"
    INTERVIEW = "interview", "Interview"
    SURVEY = "survey", "Survey"
    EMAIL = "email", "Email"
    CONSULTATION = "consultation", "Public consultation"


class Interaction(Addressed, Revisioned):
    roadmap = models.ForeignKey(Roadmap, on_delete=models.CASCADE, related_name="interactions")
    occurred_on = models.DateField("date")
    kind = models.CharField("type", max_length=20, choices=InteractionKind.choices)
    stakeholders = models.ManyToManyField(Stakeholder, related_name="interactions")
    summary = models.TextField(max_length=DESCRIPTION_MAX_LENGTH)
    sentiment = models.SmallIntegerField(
        default=0,
        validators=[
            MinValueValidator(-2, message=SENTIMENT_MESSAGE),
            MaxValueValidator(2, message=SENTIMENT_MESSAGE),
        ],
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-occurred_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(sentiment__gte=-2, sentiment__lte=2), name="interaction_sentiment_range"
            )
        ]

    url_name = "stakeholders:interaction"

    def __str__(self) -> str:
        return f"{self.get_kind_display()} on {self.occurred_on:%Y-%m-%d}"

    def url_kwargs(self) -> dict[str, str | int]:
        return {**self.roadmap.url_kwargs(), "pk": self.pk}

    def get_absolute_url(self) -> str:
        return self.address("stakeholders:interaction")


class FollowUp(Addressed, Revisioned):
    interaction = models.ForeignKey(
        Interaction, on_delete=models.CASCADE, related_name="follow_ups"
    )
    action = models.CharField(max_length=TITLE_MAX_LENGTH)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    due_on = models.DateField("due date", null=True, blank=True)
    done = models.BooleanField(default=False)
    done_on = models.DateField(null=True, blank=True)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["done", "due_on", "position", "pk"]

    url_name = "stakeholders:follow-up"

    def __str__(self) -> str:
        return self.action

    def url_kwargs(self) -> dict[str, str | int]:
        return {**self.interaction.roadmap.url_kwargs(), "pk": self.pk}

    def get_absolute_url(self) -> str:
        return f"{self.interaction.get_absolute_url()}#follow-up-{self.pk}"
