"""A roadmap: the agency's plan, with its vision, purpose, horizon and status."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from agencies.models import Organisation
from ui.addresses import Addressed
from ui.concurrency import Revisioned

from ..rules.bounds import HORIZON_YEARS
from ..rules.labels import DEFAULT_LABEL, OBJECTIVE_LABELS, ObjectiveWords, objective_words

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


class Roadmap(Addressed, Revisioned):
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="roadmaps", verbose_name="agency"
    )
    title = models.CharField(max_length=TITLE_MAX_LENGTH)
    slug = models.SlugField(
        max_length=80,
        help_text="Used in web addresses. Lower-case letters, numbers and hyphens.",
    )
    # Range: roadmap.rules.bounds (the form's messages say it in words).
    horizon_start_year = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(HORIZON_YEARS.low), MaxValueValidator(HORIZON_YEARS.high)]
    )
    horizon_end_year = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(HORIZON_YEARS.low), MaxValueValidator(HORIZON_YEARS.high)]
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
    objective_label = models.CharField(
        "what the roadmap calls its objectives",
        max_length=20,
        choices=[(key, words.singular) for key, words in OBJECTIVE_LABELS.items()],
        default=DEFAULT_LABEL,
        help_text="Used in headings, buttons and the PDF, and numbered: 'Mission 1'.",
    )
    publisher = models.CharField(
        max_length=TITLE_MAX_LENGTH,
        blank=True,
        help_text="The organisation that publishes it, if not your agency. "
        "A name only: it gives no access.",
    )
    version = models.PositiveIntegerField(default=1)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

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

    def url_kwargs(self) -> dict[str, str | int]:
        return {"agency": self.organisation.slug, "slug": self.slug}

    def get_absolute_url(self) -> str:
        return self.address("roadmap:detail")

    @property
    def objective_words(self) -> ObjectiveWords:
        """What it calls its objectives: `roadmap.objective_words.plural` is "Missions"."""
        return objective_words(self.objective_label)

    @property
    def publisher_name(self) -> str:
        """Who publishes it: the named publisher, or else the agency."""
        return self.publisher or self.organisation.name

    @property
    def horizon(self) -> str:
        return f"{self.horizon_start_year}\u2013{self.horizon_end_year}"

    @property
    def horizon_years(self) -> tuple[int, int]:
        """The first and last year, as the KPI plan rule takes them."""
        return (self.horizon_start_year, self.horizon_end_year)
