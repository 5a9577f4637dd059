"""Navigation links, and the registry of a roadmap's sections.

A roadmap's navigation (Overview, Vision and principles, Objectives and KPIs,
then the parts each app adds: assessment, stakeholders, the plan itself,
monitoring, exports) is built from what the apps register in their
`AppConfig.ready()`, so `ui` imports no domain app and an app that lands
adds its section without touching the others.
"""

from collections.abc import Callable
from dataclasses import dataclass
from fnmatch import fnmatchcase
from typing import Any, Protocol


@dataclass(frozen=True)
class NavLink:
    label: str
    url: str
    # aria-current: "page" on the page the link opens, "true" anywhere else inside
    # its section (an objective is inside Objectives and KPIs), as the GOV.UK
    # service navigation does.
    current: str = ""


@dataclass(frozen=True)
class RoadmapSection:
    # "Objectives and KPIs", or a function of the roadmap for a name the roadmap
    # chooses ("Missions and KPIs").
    label: str | Callable[[Any], str]
    route: str  # the section's page, a route taking the roadmap's address: "roadmap:objectives"
    order: int  # where it sits: 10 Overview ... 90 Exports
    # Routes inside the section (fnmatch patterns of view names): "roadmap:kpi*".
    inside: tuple[str, ...] = ()

    def label_for(self, roadmap: Any) -> str:
        return self.label(roadmap) if callable(self.label) else self.label

    def current(self, view_name: str) -> str:
        if view_name == self.route:
            return "page"
        if any(fnmatchcase(view_name, pattern) for pattern in self.inside):
            return "true"
        return ""


class Addressable(Protocol):
    def address(self, route: str) -> str: ...


_roadmap_sections: dict[str, RoadmapSection] = {}


def register_roadmap_section(section: RoadmapSection) -> None:
    """Called from an app's `ready()`. Registering a route again replaces it."""
    _roadmap_sections[section.route] = section


def roadmap_sections() -> list[RoadmapSection]:
    return sorted(_roadmap_sections.values(), key=lambda section: section.order)


def roadmap_navigation(roadmap: Addressable, view_name: str) -> list[NavLink]:
    """The roadmap's sections as links, the one holding `view_name` marked current."""
    return [
        NavLink(
            section.label_for(roadmap), roadmap.address(section.route), section.current(view_name)
        )
        for section in roadmap_sections()
    ]
