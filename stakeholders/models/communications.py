"""The communication plan: what is said to whom, how, how often and when; and
each member's secret calendar feed of it."""

import secrets

from django.conf import settings
from django.db import models

from roadmap.models import DESCRIPTION_MAX_LENGTH, TITLE_MAX_LENGTH, Roadmap
from ui.addresses import Addressed
from ui.concurrency import Revisioned

from .stakeholders import Stakeholder


class CommunicationChannel(models.TextChoices):
    EMAIL = "email", "Email"
    BRIEFING = "briefing", "Briefing"
    WORKSHOP = "workshop", "Workshop"
    INTRANET = "intranet", "Intranet"
    NEWSLETTER = "newsletter", "Newsletter"
    TOWN_HALL = "town_hall", "Town hall"
    CONSULTATION = "consultation", "Public consultation"
    SOCIAL_MEDIA = "social_media", "Social media"
    OTHER = "other", "Other"


class Frequency(models.TextChoices):
    ONCE = "once", "Once"
    WEEKLY = "weekly", "Weekly"
    MONTHLY = "monthly", "Monthly"
    QUARTERLY = "quarterly", "Quarterly"


class CommunicationStatus(models.TextChoices):
    PLANNED = "planned", "Planned"
    DONE = "done", "Sent or done"
    CANCELLED = "cancelled", "Cancelled"


class CommunicationItem(Addressed, Revisioned):
    roadmap = models.ForeignKey(Roadmap, on_delete=models.CASCADE, related_name="communications")
    purpose = models.CharField(max_length=TITLE_MAX_LENGTH)
    key_message = models.TextField(max_length=DESCRIPTION_MAX_LENGTH, blank=True)
    audience = models.ManyToManyField(Stakeholder, related_name="communications", blank=True)
    channel = models.CharField(max_length=20, choices=CommunicationChannel.choices)
    frequency = models.CharField(max_length=20, choices=Frequency.choices, default=Frequency.ONCE)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    planned_on = models.DateField("planned date")
    status = models.CharField(
        max_length=20, choices=CommunicationStatus.choices, default=CommunicationStatus.PLANNED
    )
    initiative = models.ForeignKey(
        "roadmap.Initiative",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="communications",
        help_text="The initiative it is about, if any.",
    )
    milestone = models.ForeignKey(
        "roadmap.Milestone",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="communications",
        help_text="The milestone it is about, if any.",
    )
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["planned_on", "position", "pk"]

    url_name = "stakeholders:communication"

    def __str__(self) -> str:
        return self.purpose

    def url_kwargs(self) -> dict[str, str | int]:
        return {**self.roadmap.url_kwargs(), "pk": self.pk}

    def get_absolute_url(self) -> str:
        return f"{self.roadmap.address('stakeholders:communications')}#communication-{self.pk}"


def new_feed_token() -> str:
    return secrets.token_urlsafe(32)


class CalendarFeed(models.Model):
    """One member's secret address for one roadmap's communication plan as
    iCalendar. Resetting it gives a new token; the old address then gives 404."""

    roadmap = models.ForeignKey(Roadmap, on_delete=models.CASCADE, related_name="calendar_feeds")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feeds"
    )
    token = models.CharField(max_length=64, unique=True, default=new_feed_token)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["roadmap", "user"], name="calendar_feed_per_member")
        ]

    def __str__(self) -> str:
        return f"Calendar feed of {self.roadmap} for {self.user}"
