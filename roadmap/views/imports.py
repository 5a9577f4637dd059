"""Importing a roadmap's initiatives, milestones and risks from a spreadsheet:
the import pattern of ui/imports.py, filled in with the roadmap's tables
(roadmap/imports/). Editors and above; the upload page sits beside each list's
downloads."""

from types import ModuleType
from typing import Any, ClassVar

from agencies.models import Membership
from ui.concurrency import locked
from ui.http import HtmxHttpRequest, member_page
from ui.imports import Column, Plan, Row, SpreadsheetImport

from ..imports import initiatives, milestones, risks
from ..models import Roadmap
from ..selectors.roadmaps import roadmap_for
from .lists import list_membership


class RoadmapImport(SpreadsheetImport):
    """A table imported into a roadmap by `table` (a module of an app's imports/
    package: its columns, plan and apply), by editors and above. The
    assessments' and stakeholders' imports fill it in too."""

    table: ClassVar[ModuleType]
    list_route: ClassVar[str]  # "roadmap:initiatives"
    breadcrumbs: ClassVar[str] = "roadmap/initiatives/breadcrumbs.html"

    def parent(
        self, request: HtmxHttpRequest, *, agency: str, slug: str, **_: Any
    ) -> tuple[Membership, Roadmap]:
        membership = list_membership(request, agency, write=True)
        return membership, roadmap_for(membership, slug)

    def columns(self, roadmap: Roadmap) -> list[Column]:
        return self.table.columns(roadmap)

    def plan(self, roadmap: Roadmap, rows: list[Row], present: list[str]) -> Plan:
        return self.table.plan(roadmap, rows, present)

    def apply(self, roadmap: Roadmap, plan: Plan, present: list[str], by: Any) -> None:
        self.table.apply(roadmap, plan, present, by)

    def lock(self, roadmap: Roadmap) -> None:
        locked(roadmap)  # the services lock it for each write too: nothing slips between

    def page_context(self, membership: Membership, roadmap: Roadmap) -> dict[str, Any]:
        return member_page(membership, roadmap=roadmap, breadcrumbs=self.breadcrumbs)

    def back_url(self, roadmap: Roadmap) -> str:
        return roadmap.address(self.list_route)

    def url_kwargs(self, roadmap: Roadmap) -> dict[str, Any]:
        return roadmap.url_kwargs()

    def template_name(self, roadmap: Roadmap) -> str:
        return f"{roadmap.slug}-{self.plural}-template"


class InitiativeImport(RoadmapImport):
    noun, plural, table = "initiative", "initiatives", initiatives
    list_route = "roadmap:initiatives"
    natural_key = (
        "An initiative is matched by its title, in any case: a row with the title of an "
        "initiative already on the roadmap updates it; any other row adds one."
    )


class MilestoneImport(RoadmapImport):
    noun, plural, table = "milestone", "milestones", milestones
    list_route = "roadmap:milestones"
    natural_key = (
        "A milestone is matched by its title within its initiative (or within the roadmap "
        "as a whole, when it names no initiative), in any case: a match updates it; any "
        "other row adds one."
    )


class RiskImport(RoadmapImport):
    noun, plural, table = "risk", "risks", risks
    list_route = "roadmap:risks"
    natural_key = (
        "A risk is matched by its title, in any case: a row with the title of a risk "
        "already on the roadmap updates it; any other row adds one."
    )


initiative_import = InitiativeImport()
milestone_import = MilestoneImport()
risk_import = RiskImport()
