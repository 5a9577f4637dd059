"""Importing the systems and processes inventories from a spreadsheet: the
import pattern of ui/imports.py, filled in with assessments/imports/. Editors
and above; the upload page sits beside each inventory's downloads."""

from types import ModuleType
from typing import Any, ClassVar

from agencies.models import Membership
from roadmap.models import Roadmap
from roadmap.selectors.roadmaps import roadmap_for
from roadmap.views.lists import list_membership
from ui.concurrency import locked
from ui.http import HtmxHttpRequest, member_page
from ui.imports import Column, Plan, Row, SpreadsheetImport

from ..imports import processes, systems


class InventoryImport(SpreadsheetImport):
    table: ClassVar[ModuleType]
    list_route: ClassVar[str]

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
        locked(roadmap)

    def page_context(self, membership: Membership, roadmap: Roadmap) -> dict[str, Any]:
        return member_page(membership, roadmap=roadmap, breadcrumbs="components/breadcrumbs.html")

    def back_url(self, roadmap: Roadmap) -> str:
        return roadmap.address(self.list_route)

    def url_kwargs(self, roadmap: Roadmap) -> dict[str, Any]:
        return roadmap.url_kwargs()

    def template_name(self, roadmap: Roadmap) -> str:
        return f"{roadmap.slug}-{self.plural}-template"


class SystemImport(InventoryImport):
    noun, plural, table = "system", "systems", systems
    list_route = "assessments:systems"
    natural_key = (
        "A system is matched by its name, in any case: a row with the name of a system "
        "already in the inventory updates it; any other row adds one."
    )


class ProcessImport(InventoryImport):
    noun, plural, table = "process", "processes", processes
    list_route = "assessments:processes"
    natural_key = (
        "A process is matched by its name, in any case: a row with the name of a process "
        "already in the inventory updates it; any other row adds one."
    )


system_import = SystemImport()
process_import = ProcessImport()
