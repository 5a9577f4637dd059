from django.apps import AppConfig


class AssessmentsConfig(AppConfig):
    """Current-state assessment: maturity, SWOT, inventory and gaps."""

    name = "assessments"
    verbose_name = "Current-state assessments"

    def ready(self) -> None:
        from ui.panels import Panel, register_panel

        from . import navigation
        from .services.frameworks import guard_frozen_frameworks
        from .views.panels import initiative_gaps, traceability_gaps

        # The Assessment section of a roadmap's navigation.
        navigation.register()
        # A framework version in use is frozen, whatever saves it.
        guard_frozen_frameworks()
        # The gaps an initiative closes, on its page; the gaps x initiatives
        # matrix on the roadmap's traceability page.
        register_panel(
            "initiative", Panel("assessments/gaps/initiative_panel.html", initiative_gaps)
        )
        register_panel(
            "roadmap-traceability",
            Panel("assessments/gaps/traceability_panel.html", traceability_gaps),
        )
