"""A roadmap's maturity assessments and their answers.

An assessment uses one framework version and is answered by several members:
each answers a question once (current level, target level, evidence,
confidence); results aggregate per question and per dimension
(assessments/rules).
"""

from django.conf import settings
from django.db import models

from roadmap.models import DESCRIPTION_MAX_LENGTH, TITLE_MAX_LENGTH, Roadmap
from ui.addresses import Addressed
from ui.concurrency import Revisioned

from ._fields import level_field
from .frameworks import Framework, Question


class AssessmentStatus(models.TextChoices):
    IN_PROGRESS = "in_progress", "In progress"
    COMPLETED = "completed", "Completed"


class AnswerConfidence(models.TextChoices):
    LOW = "low", "Low"
    MEDIUM = "medium", "Medium"
    HIGH = "high", "High"


class Assessment(Addressed, Revisioned):
    roadmap = models.ForeignKey(Roadmap, on_delete=models.CASCADE, related_name="assessments")
    framework = models.ForeignKey(
        Framework,
        on_delete=models.PROTECT,
        related_name="assessments",
        help_text="The framework version it uses; that version is frozen once used.",
    )
    title = models.CharField(max_length=TITLE_MAX_LENGTH)
    assessed_on = models.DateField("date")
    scope = models.TextField(
        max_length=DESCRIPTION_MAX_LENGTH, blank=True, help_text="What it covers, and what not."
    )
    status = models.CharField(
        max_length=20, choices=AssessmentStatus.choices, default=AssessmentStatus.IN_PROGRESS
    )
    completed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-assessed_on", "-pk"]

    url_name = "assessments:assessment"

    def __str__(self) -> str:
        return self.title

    def url_kwargs(self) -> dict[str, str | int]:
        return {**self.roadmap.url_kwargs(), "pk": self.pk}

    def get_absolute_url(self) -> str:
        return self.address("assessments:assessment")


class Answer(Revisioned):
    """One member's answer to one question of one assessment."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="answers")
    respondent = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="assessment_answers"
    )
    current_level = level_field("a current level")
    target_level = level_field("a target level")
    evidence = models.TextField(
        "evidence or comment", max_length=DESCRIPTION_MAX_LENGTH, blank=True
    )
    confidence = models.CharField(
        max_length=10, choices=AnswerConfidence.choices, default=AnswerConfidence.MEDIUM
    )

    class Meta:
        ordering = ["question__position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "question", "respondent"], name="answer_once_per_respondent"
            ),
            models.CheckConstraint(
                condition=models.Q(current_level__gte=1, current_level__lte=5)
                & models.Q(target_level__gte=1, target_level__lte=5),
                name="answer_levels_1_to_5",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.question}: {self.current_level} -> {self.target_level}"
