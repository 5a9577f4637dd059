"""A roadmap's milestones, an inline list that is a page of the roadmap's
Roadmap section (ui/inline_list.py): by due date (it does not move), added on
demand, changed in place, deleted after a question. Each says its initiative,
its due date, whether it is done, due or overdue, and warns when it falls
outside its initiative's months."""

from typing import Any

from django.http import HttpResponse
from django.shortcuts import render

from agencies.models import Membership
from ui.http import HtmxHttpRequest, member_page

from ..forms.milestones import MilestoneForm
from ..models import Milestone, Roadmap
from ..selectors.milestones import milestone_for, milestones_of
from ..services import milestones as services
from .lists import RoadmapPageList


class Milestones(RoadmapPageList):
    noun = "milestone"
    section = "milestones"
    section_template = "roadmap/milestones/list.html"
    form_template = "roadmap/milestones/form.html"
    confirm_template = "roadmap/milestones/confirm_delete.html"
    page_route = "roadmap:milestones"
    form_class = MilestoneForm
    add_on_demand = True
    movable = False
    services = services

    def item(self, membership: Membership, roadmap: Roadmap, *, pk: int, **_: Any) -> Milestone:
        return milestone_for(roadmap, pk)

    def section_context(self, membership: Membership, roadmap: Roadmap) -> dict[str, Any]:
        return member_page(membership, roadmap=roadmap, milestones=milestones_of(roadmap))

    def list_url(self, roadmap: Roadmap) -> str:
        return self.page_url(roadmap)  # the list is the page

    def page(self, request: HtmxHttpRequest, membership: Membership, roadmap) -> HttpResponse:
        return render(request, self.section_template, self.context(membership, roadmap))

    def label(self, milestone: Milestone) -> str:
        return milestone.title


milestone_list = Milestones()
