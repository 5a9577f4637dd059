"""Initiatives: the work on the roadmap, each in a component, serving objectives,
scheduled by month, and the finish-to-start dependencies between them.

Accountability: the owner is the member responsible for delivery; the sponsor
is the one accountable person, a member or a named person outside the product
(name, role, organisation), never both. The RACI's "accountable" is this
sponsor.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Lower

from ui.addresses import Addressed
from ui.concurrency import Revisioned

from ..rules.initiatives import initiative_problems
from ..rules.prioritisation import priority_score
from .bounds import InRange
from .components import Component
from .objectives import Objective
from .roadmaps import DESCRIPTION_MAX_LENGTH, TITLE_MAX_LENGTH, Roadmap
from .sponsors import Sponsored, one_sponsor


class InitiativeStatus(models.TextChoices):
    PROPOSED = "proposed", "Proposed"
    PLANNED = "planned", "Planned"
    IN_PROGRESS = "in_progress", "In progress"
    DONE = "done", "Done"
    ON_HOLD = "on_hold", "On hold"
    CANCELLED = "cancelled", "Cancelled"


class RAG(models.TextChoices):
    GREEN = "green", "Green"
    AMBER = "amber", "Amber"
    RED = "red", "Red"


class FundingStatus(models.TextChoices):
    UNFUNDED = "unfunded", "Unfunded"
    REQUESTED = "requested", "Requested (not yet funded)"
    APPROVED = "approved", "Approved"


class BenefitType(models.TextChoices):
    COST_SAVING = "cost_saving", "Cost saving"
    SERVICE_IMPROVEMENT = "service_improvement", "Service improvement"
    RISK_REDUCTION = "risk_reduction", "Risk reduction"
    COMPLIANCE = "compliance", "Compliance"


class Confidence(models.TextChoices):
    HIGH = "high", "High"
    MEDIUM = "medium", "Medium"
    LOW = "low", "Low"


def month_field(verbose_name: str, help_text: str) -> models.DateField:
    """A month, stored as its first day."""
    return models.DateField(
        verbose_name,
        help_text=help_text,
        validators=[InRange("plan_date", f"a {verbose_name}")],
    )


def score_field(verbose_name: str, help_text: str) -> models.PositiveSmallIntegerField:
    return models.PositiveSmallIntegerField(
        verbose_name,
        default=3,
        help_text=help_text,
        validators=[InRange("score", f"a {verbose_name} score")],
    )


def money_field(verbose_name: str, help_text: str) -> models.DecimalField:
    return models.DecimalField(
        verbose_name,
        max_digits=16,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=help_text,
        validators=[InRange("money", f"a {verbose_name}")],
    )


class Initiative(Addressed, Sponsored, Revisioned):
    roadmap = models.ForeignKey(Roadmap, on_delete=models.CASCADE, related_name="initiatives")
    # RESTRICT: a component holding initiatives cannot go alone, but goes with its roadmap.
    component = models.ForeignKey(Component, on_delete=models.RESTRICT, related_name="initiatives")
    title = models.CharField(max_length=TITLE_MAX_LENGTH)
    summary = models.TextField(max_length=DESCRIPTION_MAX_LENGTH, blank=True)
    objectives = models.ManyToManyField(
        Objective, related_name="initiatives", blank=True, help_text="The objectives it serves."
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="The member responsible for delivering it.",
    )
    start_month = month_field("start month", "The month work starts.")
    end_month = month_field("end month", "The month it is due to finish.")
    status = models.CharField(
        max_length=20, choices=InitiativeStatus.choices, default=InitiativeStatus.PLANNED
    )
    rag = models.CharField("RAG status", max_length=10, choices=RAG.choices, default=RAG.GREEN)
    rag_reason = models.CharField(
        "reason for the RAG status",
        max_length=TITLE_MAX_LENGTH,
        blank=True,
        help_text="Needed when it is amber or red: what is wrong, in one line.",
    )
    percent_complete = models.PositiveSmallIntegerField(
        default=0, validators=[InRange("percent", "a percentage")]
    )
    capital_cost = money_field("capital cost", "One-off spending to build or buy.")
    operating_cost = money_field("operating cost", "Running cost a year, once in service.")
    funding_source = models.CharField(max_length=TITLE_MAX_LENGTH, blank=True)
    funding_status = models.CharField(
        max_length=20, choices=FundingStatus.choices, default=FundingStatus.UNFUNDED
    )
    benefits = models.TextField("expected benefits", max_length=DESCRIPTION_MAX_LENGTH, blank=True)
    benefit_type = models.CharField(
        max_length=30, choices=BenefitType.choices, default=BenefitType.SERVICE_IMPROVEMENT
    )
    value = score_field("value", "1 (little) to 5 (very high): what it brings.")
    effort = score_field("effort", "1 (small) to 5 (very large): what it takes.")
    confidence = models.CharField(
        max_length=10,
        choices=Confidence.choices,
        default=Confidence.MEDIUM,
        help_text="How sure you are of the value and effort.",
    )
    tags = models.CharField(
        max_length=TITLE_MAX_LENGTH, blank=True, help_text="Separate tags with commas."
    )
    depends_on = models.ManyToManyField(
        "self",
        through="Dependency",
        through_fields=("initiative", "prerequisite"),
        symmetrical=False,
        related_name="dependants",
        blank=True,
    )
    position = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(
                "roadmap", Lower("title"), name="initiative_title_unique_per_roadmap"
            ),
            models.CheckConstraint(
                condition=Q(end_month__gte=F("start_month")),
                name="initiative_ends_after_start",
                violation_error_message="The end month must be the start month or after it.",
            ),
            models.CheckConstraint(
                condition=Q(percent_complete__lte=100), name="initiative_percent_at_most_100"
            ),
            one_sponsor("initiative_one_sponsor"),
        ]

    url_name = "roadmap:initiative"

    def __str__(self) -> str:
        return self.title

    def url_kwargs(self) -> dict[str, str | int]:
        return {**self.roadmap.url_kwargs(), "pk": self.pk}

    def get_absolute_url(self) -> str:
        return self.action_url("detail")

    def clean(self) -> None:
        """For the admin: the RAG reason the rule asks for (rules/initiatives.py).
        Its other two rules are database constraints, which the admin checks too."""
        problems = initiative_problems(
            start=None,
            end=None,
            rag=self.rag,
            rag_reason=self.rag_reason,
            has_member_sponsor=False,
            sponsor_name="",
        )
        if problems:
            raise ValidationError(problems)

    @property
    def priority_score(self) -> int:
        """0 to 100, by the documented rule in rules/prioritisation.py."""
        return priority_score(value=self.value, effort=self.effort, confidence=self.confidence)

    @property
    def tag_list(self) -> list[str]:
        return [tag.strip() for tag in self.tags.split(",") if tag.strip()]


class Dependency(Addressed, models.Model):
    """Finish-to-start: `initiative` may start once `prerequisite` has finished."""

    initiative = models.ForeignKey(
        Initiative, on_delete=models.CASCADE, related_name="dependencies"
    )
    prerequisite = models.ForeignKey(
        Initiative, on_delete=models.CASCADE, related_name="dependant_links"
    )

    class Meta:
        ordering = ["prerequisite__start_month", "prerequisite__pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["initiative", "prerequisite"], name="depend_once_on_each"
            ),
            models.CheckConstraint(
                condition=~Q(initiative=F("prerequisite")),
                name="no_dependency_on_itself",
                violation_error_message="An initiative cannot depend on itself.",
            ),
        ]

    url_name = "roadmap:dependency"

    def __str__(self) -> str:
        return f"{self.initiative} depends on {self.prerequisite}"

    def url_kwargs(self) -> dict[str, str | int]:
        return {**self.initiative.url_kwargs(), "dependency_pk": self.pk}
