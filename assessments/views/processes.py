"""The roadmap's inventory of existing processes and services: an inline list
(ui/inline_list.py) shown as a table, with every field of a process and the
counts by digitisation level; added on demand, changed in its row, deleted
after a question."""

from typing import Any

from agencies.models import Membership
from roadmap.models import Roadmap
from ui.http import HtmxHttpRequest, member_page
from ui.list_pages import ListIsThePage

from ..forms.processes import ProcessForm
from ..models import Process
from ..selectors.processes import process_counts, process_for, processes_of
from ..services import processes as services
from .lists import AssessmentPageList, gaps_stay


class Processes(ListIsThePage, AssessmentPageList):
    noun = "process"
    section = "processes"
    section_template = "assessments/processes/list.html"
    form_template = "assessments/processes/form.html"
    confirm_template = "assessments/processes/confirm_delete.html"
    page_route = "assessments:processes"
    form_class = ProcessForm
    add_on_demand = True
    movable = False
    services = services

    def item(self, membership: Membership, roadmap: Roadmap, *, pk: int, **_: Any) -> Process:
        return process_for(roadmap, pk)

    def section_context(self, membership: Membership, roadmap: Roadmap) -> dict[str, Any]:
        processes = processes_of(roadmap)
        return member_page(
            membership,
            roadmap=roadmap,
            processes=processes,
            by_digitisation=process_counts(processes),
        )

    def label(self, process: Process) -> str:
        return process.name

    def confirm_context(self, request: HtmxHttpRequest, process: Process) -> dict[str, Any]:
        return gaps_stay(process.gaps.count())


process_list = Processes()
