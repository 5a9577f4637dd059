"""Risks to the roadmap: likelihood and impact (1 to 5 each), their score and
level (`roadmap.rules.risks`: a high risk scores 15 or more), an owner, how
they are being mitigated, a status, and the initiatives they threaten."""

from django.conf import settings
from django.db import models

from ui.addresses import Addressed
from ui.concurrency import Revisioned

from ..rules.health import CLOSED_RISK_STATUSES
from ..rules.risks import IMPACT_LABELS, LIKELIHOOD_LABELS, RiskLevel, risk_level, risk_score
from .bounds import InRange
from .initiatives import Initiative
from .roadmaps import DESCRIPTION_MAX_LENGTH, TITLE_MAX_LENGTH, Roadmap


class RiskStatus(models.TextChoices):
    OPEN = "open", "Open"
    MITIGATING = "mitigating", "Being mitigated"
    CLOSED = "closed", "Closed"
    ACCEPTED = "accepted", "Accepted"


def level_field(verbose_name: str, what: str, help_text: str) -> models.PositiveSmallIntegerField:
    return models.PositiveSmallIntegerField(
        verbose_name,
        default=3,
        help_text=help_text,
        validators=[InRange("score", what)],
    )


class Risk(Addressed, Revisioned):
    roadmap = models.ForeignKey(Roadmap, on_delete=models.CASCADE, related_name="risks")
    title = models.CharField(max_length=TITLE_MAX_LENGTH)
    description = models.TextField(max_length=DESCRIPTION_MAX_LENGTH, blank=True)
    likelihood = level_field("likelihood", "a likelihood", "1 (rare) to 5 (almost certain).")
    impact = level_field("impact", "an impact", "1 (negligible) to 5 (severe).")
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="The member who watches it and acts on it.",
    )
    mitigation = models.TextField(
        max_length=DESCRIPTION_MAX_LENGTH,
        blank=True,
        help_text="What is being done to make it less likely or less harmful.",
    )
    status = models.CharField(max_length=20, choices=RiskStatus.choices, default=RiskStatus.OPEN)
    initiatives = models.ManyToManyField(
        Initiative, related_name="risks", blank=True, help_text="The initiatives it threatens."
    )
    position = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["position", "pk"]

    url_name = "roadmap:risk"

    def __str__(self) -> str:
        return self.title

    def url_kwargs(self) -> dict[str, str | int]:
        return {**self.roadmap.url_kwargs(), "pk": self.pk}

    def get_absolute_url(self) -> str:
        return f"{self.roadmap.address('roadmap:risks')}#risk-{self.pk}"

    @property
    def score(self) -> int:
        """Likelihood x impact, 1 to 25 (rules/risks.py)."""
        return risk_score(likelihood=self.likelihood, impact=self.impact)

    @property
    def level(self) -> RiskLevel:
        return risk_level(self.score)

    @property
    def is_high(self) -> bool:
        return self.level is RiskLevel.HIGH

    @property
    def unmitigated_high(self) -> bool:
        """A high risk, not closed, with no mitigation written down: flagged in words
        (the health rule in rules/health.py says the same)."""
        live = self.status not in CLOSED_RISK_STATUSES
        return self.is_high and live and not self.mitigation.strip()

    @property
    def likelihood_label(self) -> str:
        return LIKELIHOOD_LABELS[self.likelihood]

    @property
    def impact_label(self) -> str:
        return IMPACT_LABELS[self.impact]
