"""Field helpers shared by the assessment models."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models


def scale_validators(what: str, low: int = 1, high: int = 5) -> list:
    message = f"Enter {what} from {low} to {high}."
    return [MinValueValidator(low, message=message), MaxValueValidator(high, message=message)]


def level_field(what: str, **kwargs) -> models.PositiveSmallIntegerField:
    """A maturity level, 1 (initial) to 5 (optimised)."""
    return models.PositiveSmallIntegerField(validators=scale_validators(what), **kwargs)


class Severity(models.TextChoices):
    LOW = "low", "Low"
    MEDIUM = "medium", "Medium"
    HIGH = "high", "High"
    CRITICAL = "critical", "Critical"
