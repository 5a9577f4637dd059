from django.apps import AppConfig


class AssessmentsConfig(AppConfig):
    """Current-state assessment: maturity, SWOT, inventory and gaps."""

    name = "assessments"
    verbose_name = "Current-state assessments"

    def ready(self) -> None:
        from . import navigation
        from .services.frameworks import guard_frozen_frameworks

        # The Assessment section of a roadmap's navigation.
        navigation.register()
        # A framework version in use is frozen, whatever saves it.
        guard_frozen_frameworks()
