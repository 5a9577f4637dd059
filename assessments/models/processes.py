"""The inventory of existing processes and services."""

from django.db import models

from roadmap.models import DESCRIPTION_MAX_LENGTH, TITLE_MAX_LENGTH, Roadmap
from ui.addresses import Addressed
from ui.concurrency import Revisioned


class Channel(models.TextChoices):
    ONLINE = "online", "Online"
    PHONE = "phone", "Phone"
    IN_PERSON = "in_person", "In person"
    POST = "post", "Post"
    EMAIL = "email", "Email"
    SEVERAL = "several", "Several channels"


class Digitisation(models.TextChoices):
    PAPER = "paper", "Paper"
    PARTLY_ONLINE = "partly_online", "Partly online"
    ONLINE = "online", "Online end to end"


class Process(Addressed, Revisioned):
    roadmap = models.ForeignKey(Roadmap, on_delete=models.CASCADE, related_name="processes")
    name = models.CharField(max_length=TITLE_MAX_LENGTH)
    service = models.CharField(
        max_length=TITLE_MAX_LENGTH, blank=True, help_text="The service it belongs to."
    )
    channel = models.CharField(max_length=20, choices=Channel.choices)
    digitisation = models.CharField(
        "digitisation level", max_length=20, choices=Digitisation.choices
    )
    yearly_volume = models.PositiveBigIntegerField(
        null=True, blank=True, help_text="Cases, applications or requests a year."
    )
    pain_points = models.TextField(
        "main pain points", max_length=DESCRIPTION_MAX_LENGTH, blank=True
    )
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name_plural = "processes"  # Django would say "processs"
        constraints = [
            models.UniqueConstraint(fields=["roadmap", "name"], name="process_name_per_roadmap"),
        ]

    url_name = "assessments:process"

    def __str__(self) -> str:
        return self.name

    def url_kwargs(self) -> dict[str, str | int]:
        return {**self.roadmap.url_kwargs(), "pk": self.pk}

    def get_absolute_url(self) -> str:
        return f"{self.roadmap.address('assessments:processes')}#process-{self.pk}"
