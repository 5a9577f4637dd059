"""The kinds of roadmap component (reference data) and a roadmap's components.

Every roadmap starts with the seven components of the seed: four components
(technology adoption; change management; data management and security; agile
implementation and monitoring) and three strategies (leadership commitment;
talent development and training; collaborative partnerships). Each component
has a kind: one of these seven, or none ("other") for a component a lead adds.
The kinds are shared with the assessment frameworks, whose dimensions say
which kinds improve them; renaming a component keeps its kind.
"""

from django.db import models
from django.db.models.functions import Lower

from ui.addresses import Addressed
from ui.concurrency import Revisioned

from .roadmaps import DESCRIPTION_MAX_LENGTH, TITLE_MAX_LENGTH, Roadmap


class ComponentKind(models.Model):
    """One of the seven kinds of component: reference data, loaded by a migration
    and kept by platform admins."""

    code = models.SlugField(max_length=50, unique=True)
    name = models.CharField(max_length=TITLE_MAX_LENGTH, unique=True)
    description = models.TextField(
        max_length=DESCRIPTION_MAX_LENGTH, help_text="What belongs in a component of this kind."
    )
    is_strategy = models.BooleanField(
        default=False, help_text="A strategy (leadership, skills, partnerships), not a component."
    )
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.name


class Component(Addressed, Revisioned):
    """A lane of the roadmap: the initiatives of one kind of change."""

    roadmap = models.ForeignKey(Roadmap, on_delete=models.CASCADE, related_name="components")
    kind = models.ForeignKey(
        ComponentKind,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="components",
        help_text="Which of the seven kinds it is, or none for another kind of work.",
    )
    name = models.CharField(max_length=TITLE_MAX_LENGTH)
    description = models.TextField(max_length=DESCRIPTION_MAX_LENGTH, blank=True)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(
                "roadmap", Lower("name"), name="component_name_unique_per_roadmap"
            ),
        ]

    url_name = "roadmap:component"

    def __str__(self) -> str:
        return self.name

    def url_kwargs(self) -> dict[str, str | int]:
        return {**self.roadmap.url_kwargs(), "pk": self.pk}

    def get_absolute_url(self) -> str:
        return f"{self.roadmap.address('roadmap:components')}#component-{self.pk}"
