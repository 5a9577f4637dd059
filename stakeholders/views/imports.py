"""Importing the stakeholder register from a spreadsheet: the import pattern of
ui/imports.py, filled in by stakeholders/imports/stakeholders.py. Editors and
above; the upload page sits beside the register's downloads."""

from typing import Any

from agencies.models import Membership, Role
from roadmap.models import Roadmap
from ui.concurrency import locked
from ui.http import HtmxHttpRequest, member_page
from ui.imports import Column, Plan, Row, SpreadsheetImport

from ..imports import stakeholders as table
from .access import member_and_roadmap


class StakeholderImport(SpreadsheetImport):
    noun, plural = "stakeholder", "stakeholders"
    natural_key = (
        "An entry is matched by its name, in any case: a row with the name of an entry "
        "already in the register updates it; any other row adds one. Columns the file "
        "leaves out are kept as they are, so a file without the contact details' columns "
        "changes no contact details."
    )

    def parent(
        self, request: HtmxHttpRequest, *, agency: str, slug: str, **_: Any
    ) -> tuple[Membership, Roadmap]:
        return member_and_roadmap(request, agency, slug, minimum=Role.EDITOR)

    def columns(self, roadmap: Roadmap) -> list[Column]:
        return table.columns(roadmap)

    def plan(self, roadmap: Roadmap, rows: list[Row], present: list[str]) -> Plan:
        return table.plan(roadmap, rows, present)

    def apply(self, roadmap: Roadmap, plan: Plan, present: list[str], by: Any) -> None:
        table.apply(roadmap, plan, present, by)

    def lock(self, roadmap: Roadmap) -> None:
        locked(roadmap)

    def page_context(self, membership: Membership, roadmap: Roadmap) -> dict[str, Any]:
        return member_page(membership, roadmap=roadmap, breadcrumbs="stakeholders/breadcrumbs.html")

    def back_url(self, roadmap: Roadmap) -> str:
        return roadmap.address("stakeholders:register")

    def url_kwargs(self, roadmap: Roadmap) -> dict[str, Any]:
        return roadmap.url_kwargs()

    def template_name(self, roadmap: Roadmap) -> str:
        return f"{roadmap.slug}-stakeholders-template"


stakeholder_import = StakeholderImport()
