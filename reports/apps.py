from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "reports"
    verbose_name = "Reports"

    def ready(self) -> None:
        from ui.navigation import RoadmapSection, register_roadmap_section

        # The last of a roadmap's sections: its PDF exports and each job's page.
        register_roadmap_section(
            RoadmapSection("Exports", "reports:roadmap-exports", order=90, inside=("reports:*",))
        )
