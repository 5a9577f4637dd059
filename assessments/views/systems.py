"""The roadmap's inventory of existing systems and infrastructure: an inline
list (ui/inline_list.py) shown as a table, every field of a system, filters
(hosting, lifecycle decision, criticality) in the address, counts by lifecycle
decision and by hosting; added on demand, changed in its row, deleted after a
question; and the inventory's downloads."""

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.views.decorators.http import require_GET

from agencies.access import get_membership
from agencies.models import Membership
from roadmap.models import Roadmap
from roadmap.selectors.roadmaps import roadmap_for
from ui.http import HtmxHttpRequest, member_page
from ui.list_pages import ListIsThePage
from ui.spreadsheets import FILE_FORMATS, table_response

from ..forms.systems import SystemFilterForm, SystemForm
from ..models import System
from ..rules.inventory import YEAR_RULE_TEXT
from ..selectors.inventory_tables import TABLES
from ..selectors.systems import system_counts, system_for, systems_of
from ..services import systems as services
from .lists import AssessmentPageList, gaps_stay


class Systems(ListIsThePage, AssessmentPageList):
    noun = "system"
    section = "systems"
    section_template = "assessments/systems/list.html"
    form_template = "assessments/systems/form.html"
    confirm_template = "assessments/systems/confirm_delete.html"
    page_route = "assessments:systems"
    form_class = SystemForm
    add_on_demand = True
    movable = False
    services = services

    def item(self, membership: Membership, roadmap: Roadmap, *, pk: int, **_: Any) -> System:
        return system_for(roadmap, pk)

    def section_context(self, membership: Membership, roadmap: Roadmap) -> dict[str, Any]:
        return member_page(membership, roadmap=roadmap, year_rule=YEAR_RULE_TEXT)

    def request_context(
        self, request: HtmxHttpRequest, membership: Membership, roadmap: Roadmap
    ) -> dict[str, Any]:
        """The systems the address asks for (?hosting=&lifecycle=&criticality=), and
        the counts of the whole inventory."""
        every = systems_of(roadmap)
        filters = SystemFilterForm(request.GET)
        return {
            "filter_form": filters,
            "systems": filters.systems(every),
            "total": len(every),
            **system_counts(every),
        }

    def label(self, system: System) -> str:
        return system.name

    def confirm_context(self, request: HtmxHttpRequest, system: System) -> dict[str, Any]:
        return gaps_stay(system.gaps.count())


system_list = Systems()


@login_required
@require_GET
def inventory_download(
    request: HtmxHttpRequest, agency: str, slug: str, table: str, file_format: str
) -> HttpResponse:
    """The systems or the processes as a CSV or XLSX file."""
    membership = get_membership(request.user, agency)
    roadmap = roadmap_for(membership, slug)
    if table not in TABLES or file_format not in FILE_FORMATS:
        raise Http404("No such download.")
    data = TABLES[table](roadmap)
    return table_response(
        file_format, f"{roadmap.slug}-{table}", data.title, data.headers, data.rows
    )
