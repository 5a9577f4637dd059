"""A roadmap's communication plan: an inline list (ui/inline_list.py) shown by
month, with filters (status, overdue, channel, period). Each item appears once:
a one-off under the month of its date, a recurring one under the month of its
next occurrence with its next dates named (stakeholders/rules/communications.py).
Added on demand, changed in place, deleted after a question; it does not move
(it is in date order)."""

from typing import Any

from django.utils import timezone

from agencies.models import Membership
from roadmap.models import Roadmap
from roadmap.views.lists import RoadmapPageList
from ui.http import HtmxHttpRequest, member_page
from ui.list_pages import ListIsThePage

from ..forms.communications import CommunicationFilterForm, CommunicationForm
from ..models import CommunicationItem
from ..selectors.communications import communication_for, communication_plan
from ..services import communications as services


class Communications(ListIsThePage, RoadmapPageList):
    noun = "communication"
    label_noun = "communication"
    section = "communications"
    section_template = "stakeholders/communications/list.html"
    form_template = "stakeholders/communications/form.html"
    confirm_template = "stakeholders/communications/confirm_delete.html"
    page_route = "stakeholders:communications"
    form_class = CommunicationForm
    add_on_demand = True
    movable = False
    services = services

    def item(
        self, membership: Membership, roadmap: Roadmap, *, pk: int, **_: Any
    ) -> CommunicationItem:
        return communication_for(roadmap, pk)

    def section_context(self, membership: Membership, roadmap: Roadmap) -> dict[str, Any]:
        return member_page(membership, roadmap=roadmap)

    def request_context(
        self, request: HtmxHttpRequest, membership: Membership, roadmap: Roadmap
    ) -> dict[str, Any]:
        filters = CommunicationFilterForm(request.GET or None)
        chosen = filters.chosen
        months = communication_plan(
            roadmap,
            today=timezone.localdate(),
            everything=chosen.get("period") == "all",
            state=chosen.get("state", ""),
            channel=chosen.get("channel", ""),
        )
        return {
            "filter_form": filters,
            "months": months,
            "item_count": sum(len(month.items) for month in months),
        }

    def label(self, item: CommunicationItem) -> str:
        return item.purpose


communication_list = Communications()
