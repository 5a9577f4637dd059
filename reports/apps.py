from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "reports"
    verbose_name = "Reports"

    def ready(self) -> None:
        from ui.navigation import RoadmapSection, register_roadmap_section
        from ui.panels import Panel, register_panel

        from .health import overview_health

        # The roadmap's health, and last of its sections: its PDF exports and each job's page.
        register_roadmap_section(RoadmapSection("Health", "reports:roadmap-health", order=80))
        register_roadmap_section(
            RoadmapSection(
                "Exports",
                "reports:roadmap-exports",
                order=90,
                inside=("reports:job", "reports:job-download"),
            )
        )
        # The count of findings on the roadmap's overview.
        register_panel(
            "roadmap-overview",
            Panel("reports/health_panel.html", overview_health, order=10),
        )
