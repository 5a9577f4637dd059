from django.apps import AppConfig


class AssessmentsConfig(AppConfig):
    """Current-state assessment: maturity, SWOT, inventory and gaps (issue to come)."""

    name = "assessments"
    verbose_name = "Current-state assessments"
