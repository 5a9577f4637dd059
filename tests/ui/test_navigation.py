"""The registry of a roadmap's sections (ui/navigation.py): apps register their
section in `ready()` and the navigation lists them in order, the current one marked."""

import pytest

from roadmap.rules.labels import objective_words
from ui import navigation
from ui.navigation import NavLink, RoadmapSection


class Roadmap:
    def address(self, route: str) -> str:
        return f"/roadmap/{route}/"


class Labelled(Roadmap):
    """A roadmap that calls its objectives by `label` ("mission")."""

    def __init__(self, label: str):
        self.objective_words = objective_words(label)


@pytest.fixture
def registry(monkeypatch):
    """An empty registry for the test, the app's own restored afterwards."""
    monkeypatch.setattr(navigation, "_roadmap_sections", {})
    return navigation


def test_sections_are_listed_in_their_order_not_the_order_they_registered(registry):
    registry.register_roadmap_section(RoadmapSection("Exports", "reports:exports", order=90))
    registry.register_roadmap_section(RoadmapSection("Overview", "roadmap:detail", order=10))
    registry.register_roadmap_section(
        RoadmapSection("Assessment", "assessments:list", order=40, inside=("assessments:*",))
    )
    assert registry.roadmap_navigation(Roadmap(), "assessments:answer") == [
        NavLink("Overview", "/roadmap/roadmap:detail/", ""),
        NavLink("Assessment", "/roadmap/assessments:list/", "true"),
        NavLink("Exports", "/roadmap/reports:exports/", ""),
    ]


def test_the_sections_own_page_is_the_current_page(registry):
    registry.register_roadmap_section(
        RoadmapSection("Objectives and KPIs", "roadmap:objectives", order=30, inside=("roadmap:*",))
    )
    [link] = registry.roadmap_navigation(Roadmap(), "roadmap:objectives")
    assert link.current == "page"


def test_registering_a_route_again_replaces_it(registry):
    registry.register_roadmap_section(RoadmapSection("Plan", "roadmap:plan", order=60))
    registry.register_roadmap_section(RoadmapSection("Roadmap", "roadmap:plan", order=60))
    assert [section.label for section in registry.roadmap_sections()] == ["Roadmap"]


def test_the_installed_apps_register_the_roadmaps_sections():
    roadmap = Labelled("objective")
    assert [section.label_for(roadmap) for section in navigation.roadmap_sections()] == [
        "Overview",
        "Vision and principles",
        "Objectives and KPIs",
        "Assessment",
        "Stakeholders",
        "Roadmap",
        "Health",
        "Exports",
    ]


def test_a_section_may_take_its_name_from_the_roadmap(registry):
    registry.register_roadmap_section(
        RoadmapSection(lambda roadmap: roadmap.objective_words.section, "roadmap:objectives", 30)
    )
    [link] = registry.roadmap_navigation(Labelled("mission"), "roadmap:objectives")
    assert link == NavLink("Missions and KPIs", "/roadmap/roadmap:objectives/", "page")


def test_the_roadmaps_own_section_is_named_in_its_word():
    [section] = [s for s in navigation.roadmap_sections() if s.route == "roadmap:objectives"]
    assert section.label_for(Labelled("priority")) == "Priorities and KPIs"
