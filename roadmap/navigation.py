"""The roadmap's own sections of its navigation (ui/navigation.py): Overview,
Vision and principles (with the roadmap's own goals), Objectives and KPIs (in
the roadmap's own word: "Missions and KPIs"), and the plan itself ("Roadmap").
Other parts (assessment 40, stakeholders 50, monitoring 70) register theirs
between these and Exports (90)."""

from ui.navigation import RoadmapSection, register_roadmap_section

SECTIONS = (
    RoadmapSection("Overview", "roadmap:detail", order=10, inside=("roadmap:partner-*",)),
    RoadmapSection(
        "Vision and principles",
        "roadmap:vision",
        order=20,
        inside=("roadmap:edit", "roadmap:principle-*", "roadmap:roadmap_goal-*"),
    ),
    RoadmapSection(
        lambda roadmap: roadmap.objective_words.section,  # "Missions and KPIs"
        "roadmap:objectives",
        order=30,
        inside=(
            "roadmap:objective-*",
            "roadmap:alignment-*",
            "roadmap:kpi*",
            "roadmap:measurement-*",
        ),
    ),
    RoadmapSection(
        "Roadmap",
        "roadmap:initiatives",
        order=60,
        inside=(
            "roadmap:initiative-*",
            "roadmap:component*",
            "roadmap:dependency-*",
            "roadmap:timeline",
            "roadmap:board",
            "roadmap:traceability",
            "roadmap:milestone*",
            "roadmap:risk*",
        ),
    ),
)


def register() -> None:
    for section in SECTIONS:
        register_roadmap_section(section)
