"""Maturity frameworks (reference data kept by platform admins): a framework has
dimensions, a dimension has questions, a question has five level descriptors
(1 = initial ... 5 = optimised).

A framework is versioned: once an assessment uses a version, that version is
frozen (past results must not change); an admin's edit makes the next version.
"""

from django.db import models

from roadmap.models import DESCRIPTION_MAX_LENGTH, TITLE_MAX_LENGTH

from ._fields import level_field

LEVELS = range(1, 6)
LEVEL_NAMES = {1: "Initial", 2: "Developing", 3: "Defined", 4: "Managed", 5: "Optimised"}


class Framework(models.Model):
    code = models.SlugField(max_length=80, help_text="The same for every version of a framework.")
    version = models.PositiveSmallIntegerField(default=1)
    name = models.CharField(max_length=TITLE_MAX_LENGTH)
    description = models.TextField(max_length=DESCRIPTION_MAX_LENGTH, blank=True)
    source = models.CharField(
        max_length=TITLE_MAX_LENGTH, blank=True, help_text="What the framework is organised by."
    )
    is_current = models.BooleanField(
        default=True, help_text="The version new assessments use. One per framework code."
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["code", "version"], name="framework_code_version"),
            models.UniqueConstraint(
                fields=["code"],
                condition=models.Q(is_current=True),
                name="framework_one_current_version",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} (version {self.version})"


class Dimension(models.Model):
    framework = models.ForeignKey(Framework, on_delete=models.CASCADE, related_name="dimensions")
    name = models.CharField(max_length=TITLE_MAX_LENGTH)
    description = models.TextField(max_length=DESCRIPTION_MAX_LENGTH, blank=True)
    weight = models.DecimalField(
        max_digits=4,
        decimal_places=2,
        default=1,
        help_text="Its weight in the framework's overall score (1 = like the others).",
    )
    kinds = models.ManyToManyField(
        "roadmap.ComponentKind",
        related_name="dimensions",
        blank=True,
        help_text="The kinds of roadmap component whose initiatives improve it.",
    )
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["framework", "name"], name="dimension_name_per_framework"
            )
        ]

    def __str__(self) -> str:
        return self.name


class Question(models.Model):
    dimension = models.ForeignKey(Dimension, on_delete=models.CASCADE, related_name="questions")
    text = models.CharField(max_length=DESCRIPTION_MAX_LENGTH)
    guidance = models.TextField(max_length=DESCRIPTION_MAX_LENGTH, blank=True)
    weight = models.DecimalField(
        max_digits=4,
        decimal_places=2,
        default=1,
        help_text="Its weight within its dimension (1 = like the others).",
    )
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.text


class LevelDescriptor(models.Model):
    """What a level looks like for one question, in one plain sentence."""

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="levels")
    level = level_field("a level")
    description = models.CharField(max_length=DESCRIPTION_MAX_LENGTH)

    class Meta:
        ordering = ["level"]
        constraints = [
            models.UniqueConstraint(fields=["question", "level"], name="descriptor_level_once"),
            models.CheckConstraint(
                condition=models.Q(level__gte=1, level__lte=5), name="descriptor_level_1_to_5"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.level}: {self.description}"
