"""The inventory of existing systems and infrastructure."""

from django.db import models

from roadmap.models import DESCRIPTION_MAX_LENGTH, TITLE_MAX_LENGTH, Roadmap
from ui.addresses import Addressed
from ui.concurrency import Revisioned

from ._fields import scale_validators

# Legacy systems may date from the 1960s; none from before electronic computing.
EARLIEST_YEAR_INTRODUCED = 1950


class Hosting(models.TextChoices):
    ON_PREMISES = "on_premises", "On premises"
    PRIVATE_CLOUD = "private_cloud", "Private cloud"
    PUBLIC_CLOUD = "public_cloud", "Public cloud"
    SAAS = "saas", "Software as a service (SaaS)"
    HYBRID = "hybrid", "Hybrid"


class LifecycleDecision(models.TextChoices):
    """What to do with the system (the Gartner TIME model)."""

    TOLERATE = "tolerate", "Tolerate"
    INVEST = "invest", "Invest"
    MIGRATE = "migrate", "Migrate"
    ELIMINATE = "eliminate", "Eliminate"


class Criticality(models.TextChoices):
    LOW = "low", "Low"
    MEDIUM = "medium", "Medium"
    HIGH = "high", "High"
    CRITICAL = "critical", "Critical"


class DataClassification(models.TextChoices):
    PUBLIC = "public", "Public"
    INTERNAL = "internal", "Internal"
    CONFIDENTIAL = "confidential", "Confidential"
    RESTRICTED = "restricted", "Restricted"


class System(Addressed, Revisioned):
    roadmap = models.ForeignKey(Roadmap, on_delete=models.CASCADE, related_name="systems")
    name = models.CharField(max_length=TITLE_MAX_LENGTH)
    purpose = models.TextField(max_length=DESCRIPTION_MAX_LENGTH, blank=True)
    business_owner = models.CharField(
        max_length=TITLE_MAX_LENGTH, blank=True, help_text="The person or unit who owns it."
    )
    hosting = models.CharField(max_length=20, choices=Hosting.choices)
    main_technology = models.CharField(max_length=TITLE_MAX_LENGTH, blank=True)
    year_introduced = models.PositiveSmallIntegerField(null=True, blank=True)
    lifecycle = models.CharField(
        "lifecycle decision", max_length=20, choices=LifecycleDecision.choices
    )
    condition = models.PositiveSmallIntegerField(
        default=3,
        validators=scale_validators("a condition"),
        help_text="1 (poor) to 5 (excellent).",
    )
    criticality = models.CharField(
        "business criticality", max_length=20, choices=Criticality.choices
    )
    data_classification = models.CharField(
        max_length=20, choices=DataClassification.choices, default=DataClassification.INTERNAL
    )
    user_count = models.PositiveIntegerField("number of users", null=True, blank=True)
    annual_cost = models.DecimalField(
        "annual running cost", max_digits=14, decimal_places=2, null=True, blank=True
    )
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["roadmap", "name"], name="system_name_per_roadmap"),
            models.CheckConstraint(
                condition=models.Q(condition__gte=1, condition__lte=5),
                name="system_condition_1_to_5",
            ),
            models.CheckConstraint(
                condition=models.Q(annual_cost__isnull=True) | models.Q(annual_cost__gte=0),
                name="system_cost_not_negative",
            ),
        ]

    url_name = "assessments:system"

    def __str__(self) -> str:
        return self.name

    def url_kwargs(self) -> dict[str, str | int]:
        return {**self.roadmap.url_kwargs(), "pk": self.pk}

    def get_absolute_url(self) -> str:
        return f"{self.roadmap.address('assessments:systems')}#system-{self.pk}"
