from django.apps import AppConfig


class StakeholdersConfig(AppConfig):
    """Stakeholder register, analysis, RACI, communication plan and engagement log."""

    name = "stakeholders"
    verbose_name = "Stakeholders"

    def ready(self) -> None:
        from ui.navigation import RoadmapSection, register_roadmap_section
        from ui.panels import Panel, register_panel

        from .views.engagements import stakeholder_panel
        from .views.raci import raci_panel

        # The roadmap's Stakeholders section: the register, then every page of the app.
        register_roadmap_section(
            RoadmapSection(
                "Stakeholders", "stakeholders:register", order=50, inside=("stakeholders:*",)
            )
        )
        # The RACI on an initiative's page.
        register_panel("initiative", Panel("stakeholders/raci/panel.html", raci_panel, order=30))
        # The engagement log on a stakeholder's page: history, sentiment trend, open follow-ups.
        register_panel(
            "stakeholder",
            Panel("stakeholders/engagements/stakeholder_panel.html", stakeholder_panel),
        )
