from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone

from agencies.models import Organisation

from .kpi_status import assess_kpi, format_date

TITLE_MAX_LENGTH = 200
VISION_MAX_LENGTH = 10_000
DESCRIPTION_MAX_LENGTH = 5_000


class RoadmapStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    IN_REVIEW = "in_review", "In review"
    APPROVED = "approved", "Approved"
    PUBLISHED = "published", "Published"


class RoadmapQuerySet(models.QuerySet):
    def with_objective_counts(self):
        # distinct: a filter through memberships must not multiply the count
        return self.annotate(objective_count=models.Count("objectives", distinct=True))


class Roadmap(models.Model):
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="roadmaps", verbose_name="agency"
    )
    title = models.CharField(max_length=TITLE_MAX_LENGTH)
    slug = models.SlugField(
        max_length=80,
        help_text="Used in web addresses. Lower-case letters, numbers and hyphens.",
    )
    horizon_start_year = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    horizon_end_year = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    vision = models.TextField("vision statement", max_length=VISION_MAX_LENGTH, blank=True)
    purpose = models.TextField(
        max_length=DESCRIPTION_MAX_LENGTH,
        blank=True,
        help_text="Why the agency is doing this, and for whom.",
    )
    status = models.CharField(
        max_length=20, choices=RoadmapStatus.choices, default=RoadmapStatus.DRAFT
    )
    version = models.PositiveIntegerField(default=1)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = RoadmapQuerySet.as_manager()

    class Meta:
        ordering = ["organisation__name", "-horizon_start_year", "title"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "slug"], name="roadmap_slug_unique_per_agency"
            ),
            models.CheckConstraint(
                condition=models.Q(horizon_end_year__gte=models.F("horizon_start_year")),
                name="roadmap_horizon_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse(
            "roadmap:detail", kwargs={"agency": self.organisation.slug, "slug": self.slug}
        )

    @property
    def horizon(self) -> str:
        return f"{self.horizon_start_year}\u2013{self.horizon_end_year}"


class GuidingPrinciple(models.Model):
    """An ordered principle that guides every decision on the roadmap."""

    roadmap = models.ForeignKey(Roadmap, on_delete=models.CASCADE, related_name="principles")
    title = models.CharField(max_length=TITLE_MAX_LENGTH)
    description = models.TextField(max_length=DESCRIPTION_MAX_LENGTH, blank=True)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["roadmap", "title"], name="principle_title_unique_per_roadmap"
            ),
        ]

    def __str__(self) -> str:
        return self.title


class OrganisationalGoal(models.Model):
    """A goal of the agency as a whole, kept once and reused by all its roadmaps."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="goals", verbose_name="agency"
    )
    title = models.CharField(max_length=TITLE_MAX_LENGTH)
    description = models.TextField(max_length=DESCRIPTION_MAX_LENGTH, blank=True)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = "organisational goal"
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "title"], name="goal_title_unique_per_agency"
            ),
        ]

    def __str__(self) -> str:
        return self.title


class Priority(models.TextChoices):
    HIGH = "high", "High"
    MEDIUM = "medium", "Medium"
    LOW = "low", "Low"


class Objective(models.Model):
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
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["roadmap", "title"], name="objective_title_unique_per_roadmap"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def outcome_list(self) -> list[str]:
        return [line.strip(" -•*") for line in self.desired_outcomes.splitlines() if line.strip()]


class ObjectiveAlignment(models.Model):
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

    def __str__(self) -> str:
        return f"{self.objective} serves {self.goal}"


class KPIDirection(models.TextChoices):
    HIGHER = "higher", "Higher is better"
    LOWER = "lower", "Lower is better"


class ReportingFrequency(models.TextChoices):
    WEEKLY = "weekly", "Weekly"
    MONTHLY = "monthly", "Monthly"
    QUARTERLY = "quarterly", "Quarterly"
    ANNUALLY = "annually", "Annually"


KPI_VALUE = {"max_digits": 18, "decimal_places": 4}


class KPI(models.Model):
    """A measurable indicator of an objective: a baseline, a target and measurements."""

    objective = models.ForeignKey(Objective, on_delete=models.CASCADE, related_name="kpis")
    name = models.CharField(max_length=TITLE_MAX_LENGTH)
    definition = models.TextField(
        max_length=DESCRIPTION_MAX_LENGTH,
        blank=True,
        help_text="Exactly what is counted, so anyone measuring it gets the same number.",
    )
    unit = models.CharField(
        max_length=30, blank=True, help_text="For example %, days, £ or applications."
    )
    direction = models.CharField(
        max_length=10, choices=KPIDirection.choices, default=KPIDirection.HIGHER
    )
    baseline_value = models.DecimalField(**KPI_VALUE)
    baseline_date = models.DateField()
    target_value = models.DecimalField(**KPI_VALUE)
    target_date = models.DateField()
    data_source = models.CharField(max_length=TITLE_MAX_LENGTH, blank=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    reporting_frequency = models.CharField(
        max_length=10, choices=ReportingFrequency.choices, default=ReportingFrequency.QUARTERLY
    )
    position = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = "KPI"
        verbose_name_plural = "KPIs"
        constraints = [
            models.UniqueConstraint(
                fields=["objective", "name"], name="kpi_name_unique_per_objective"
            ),
            models.CheckConstraint(
                condition=models.Q(target_date__gt=models.F("baseline_date")),
                name="kpi_target_after_baseline",
            ),
            models.CheckConstraint(
                condition=~models.Q(target_value=models.F("baseline_value")),
                name="kpi_target_differs_from_baseline",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def higher_is_better(self) -> bool:
        return self.direction == KPIDirection.HIGHER

    def check_measurement_date(self, day) -> None:
        """A reading is dated on or after the baseline, and not in the future."""
        if day < self.baseline_date:
            raise ValidationError(
                "A measurement cannot be dated before the baseline "
                f"({format_date(self.baseline_date)}).",
                code="before_baseline",
            )
        if day > timezone.localdate():
            raise ValidationError("A measurement cannot be dated in the future.", code="in_future")

    def assess(self, measurements=None):
        """This KPI's status by the one rule in roadmap.kpi_status.

        Pass the measurements when they are already loaded (a prefetch), so a
        list of KPIs costs no query per KPI.
        """
        if measurements is None:
            measurements = self.measurements.all()
        return assess_kpi(
            higher_is_better=self.higher_is_better,
            baseline_value=self.baseline_value,
            baseline_date=self.baseline_date,
            target_value=self.target_value,
            target_date=self.target_date,
            measurements=[(m.date, m.value) for m in measurements],
            unit=self.unit,
        )


class Measurement(models.Model):
    """One reading of a KPI on a date."""

    kpi = models.ForeignKey(KPI, on_delete=models.CASCADE, related_name="measurements")
    value = models.DecimalField(**KPI_VALUE)
    date = models.DateField()
    note = models.CharField(max_length=500, blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["date", "pk"]
        indexes = [models.Index(fields=["kpi", "date"])]

    def __str__(self) -> str:
        return f"{self.kpi}: {self.value} on {self.date}"
