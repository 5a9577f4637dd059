"""The Assessment section of a roadmap's navigation (ui/navigation.py), between
Objectives and KPIs (30) and Stakeholders (50). Every page of the app is inside
it: maturity assessments, and the SWOT, inventories and gaps."""

from ui.navigation import RoadmapSection, register_roadmap_section

SECTION = RoadmapSection(
    "Assessment", "assessments:assessments", order=40, inside=("assessments:*",)
)


def register() -> None:
    register_roadmap_section(SECTION)
