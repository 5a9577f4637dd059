"""The agency's organisational goals: one list per agency, shared by all its
roadmaps (a roadmap's own goals are listed on its "Vision and principles" page:
views/roadmap_goals.py). The list is its own page, and an inline list (ui/inline_list.py):
viewers read it; editors add, change in place, delete after a question, move."""

from typing import Any

from django.db.models import Count
from django.http import HttpResponse
from django.shortcuts import render

from agencies.access import in_agency
from agencies.models import Membership, Organisation
from ui.http import HtmxHttpRequest, member_page
from ui.inline_list import InlineList

from ..forms.goals import GoalForm
from ..models import OrganisationalGoal
from ..selectors.goals import goal_for
from ..services import goals
from .lists import list_membership

GOALS_PAGE = "roadmap/goals/list.html"


class Goals(InlineList):
    noun = "goal"
    section = "goals"
    section_template = GOALS_PAGE
    form_template = "roadmap/goals/form.html"
    confirm_template = "roadmap/goals/confirm_delete.html"
    form_class = GoalForm
    services = goals
    parent_arg = "organisation"

    def parent(
        self, request: HtmxHttpRequest, *, write: bool, agency: str, **_: Any
    ) -> tuple[Membership, Organisation]:
        membership = list_membership(request, agency, write=write)
        return membership, membership.organisation

    def item(
        self, membership: Membership, organisation: Organisation, *, pk: int, **_: Any
    ) -> OrganisationalGoal:
        return goal_for(membership, pk)

    def section_context(self, membership: Membership, organisation: Organisation) -> dict:
        listed = (
            in_agency(OrganisationalGoal.objects.filter(roadmap=None), membership)
            .select_related("organisation")
            .annotate(objective_count=Count("alignments"))
            .order_by("position", "pk")
        )
        return member_page(membership, goals=list(listed))

    def form_kwargs(self, organisation: Organisation) -> dict[str, Any]:
        return {"organisation": organisation}

    def page_url(self, organisation: Organisation) -> str:
        return organisation.address("roadmap:goals")

    def list_url(self, organisation: Organisation) -> str:
        return self.page_url(organisation)  # the list is the page

    def page(self, request: HtmxHttpRequest, membership: Membership, organisation) -> HttpResponse:
        context = self.context(membership, organisation)
        if membership.can_edit:
            context["goal_form"] = self.new_form(organisation)
        return render(request, GOALS_PAGE, context)

    def label(self, goal: OrganisationalGoal) -> str:
        return goal.title

    def confirm_context(self, request: HtmxHttpRequest, goal: OrganisationalGoal) -> dict:
        """The objectives that will lose their alignment to it, roadmap by roadmap."""
        alignments = goal.alignments.select_related("objective__roadmap").order_by(
            "objective__roadmap__title", "objective__position", "objective__pk"
        )
        alignments = list(alignments)
        count = len(alignments)
        consequence = (
            ""
            if not count
            else "1 objective is aligned to it: its alignment goes with it; the objective stays."
            if count == 1
            else f"{count} objectives are aligned to it: their alignments go with it; "
            "the objectives stay."
        )
        return {"alignments": alignments, "consequence": consequence}


goal_list = Goals()
