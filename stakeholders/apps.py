from django.apps import AppConfig


class StakeholdersConfig(AppConfig):
    """Stakeholder register and communication plan (issue 10)."""

    name = "stakeholders"
    verbose_name = "Stakeholders"

    def ready(self) -> None:
        from ui.panels import Panel, register_panel

        # engagement log: a stakeholder's history, sentiment trend and open follow-ups
        from .views.engagements import stakeholder_panel

        register_panel(
            "stakeholder",
            Panel(
                template="stakeholders/engagements/stakeholder_panel.html",
                context=stakeholder_panel,
            ),
        )
