"""A roadmap's components, an inline list that is the page "Components" of the
roadmap's Roadmap section (ui/inline_list.py): add, rename and describe in
place, move, and delete one that holds no initiative."""

from typing import Any

from django.http import HttpResponse
from django.shortcuts import render

from agencies.models import Membership
from ui.http import HtmxHttpRequest, member_page

from ..forms.components import ComponentForm
from ..models import Component, Roadmap
from ..selectors.components import component_for, components_of
from ..services import components as services
from .lists import RoadmapPageList


class Components(RoadmapPageList):
    noun = "component"
    section = "components"
    section_template = "roadmap/components/list.html"
    form_template = "roadmap/components/form.html"
    confirm_template = "roadmap/components/confirm_delete.html"
    page_route = "roadmap:components"
    form_class = ComponentForm
    add_on_demand = True
    services = services

    def item(self, membership: Membership, roadmap: Roadmap, *, pk: int, **_: Any) -> Component:
        return component_for(roadmap, pk)

    def section_context(self, membership: Membership, roadmap: Roadmap) -> dict[str, Any]:
        return member_page(membership, roadmap=roadmap, components=list(components_of(roadmap)))

    def list_url(self, roadmap: Roadmap) -> str:
        return self.page_url(roadmap)  # the list is the page

    def page(self, request: HtmxHttpRequest, membership: Membership, roadmap) -> HttpResponse:
        return render(request, self.section_template, self.context(membership, roadmap))

    def label(self, component: Component) -> str:
        return component.name

    def confirm_context(self, request: HtmxHttpRequest, component: Component) -> dict[str, Any]:
        count = component.initiatives.count()
        if not count:
            return {}
        things = "1 initiative" if count == 1 else f"{count} initiatives"
        return {
            "blocked": f"“{component.name}” holds {things}, so it cannot be deleted. "
            "Move them to another component first."
        }


component_list = Components()
