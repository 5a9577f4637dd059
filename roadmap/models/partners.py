"""Partner organisations of a joint roadmap: names printed beside its publisher
(the overview, the PDF's cover), in the order the roadmap gives them. A name
only: a partner gets no access."""

from django.db import models
from django.db.models.functions import Lower

from ui.addresses import Addressed
from ui.concurrency import Revisioned

from .roadmaps import TITLE_MAX_LENGTH, Roadmap


class Partner(Addressed, Revisioned):
    roadmap = models.ForeignKey(Roadmap, on_delete=models.CASCADE, related_name="partners")
    name = models.CharField(
        "organisation", max_length=TITLE_MAX_LENGTH, help_text="Its name as it is published."
    )
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = "partner organisation"
        constraints = [
            models.UniqueConstraint(
                "roadmap", Lower("name"), name="partner_name_unique_per_roadmap"
            ),
        ]

    url_name = "roadmap:partner"

    def __str__(self) -> str:
        return self.name

    def url_kwargs(self) -> dict[str, str | int]:
        return {**self.roadmap.url_kwargs(), "pk": self.pk}
