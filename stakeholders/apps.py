from django.apps import AppConfig


class StakeholdersConfig(AppConfig):
    """Stakeholder register and communication plan (issue to come)."""

    name = "stakeholders"
    verbose_name = "Stakeholders"
