"""The roadmap's SWOT page: strengths, weaknesses, opportunities and threats as
four inline lists (ui/inline_list.py) in a 2 x 2 grid. Each quadrant is its own
list, with its own section, addresses and "add" form; an item moves within its
quadrant."""

from typing import Any, ClassVar

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, HttpResponseNotAllowed
from django.shortcuts import render

from agencies.models import Membership
from roadmap.models import Roadmap
from roadmap.selectors.roadmaps import roadmap_for
from roadmap.views.lists import list_membership
from ui.concurrency import save_form
from ui.http import HtmxHttpRequest, member_page

from ..forms.swot import SwotItemForm
from ..models import Quadrant, SwotItem
from ..selectors.swot import swot_item_for, swot_of
from ..services import swot as services
from .lists import AssessmentPageList, gaps_stay

TEMPLATE = "assessments/swot/page.html"
PLURALS = {
    Quadrant.STRENGTH: "strengths",
    Quadrant.WEAKNESS: "weaknesses",
    Quadrant.OPPORTUNITY: "opportunities",
    Quadrant.THREAT: "threats",
}


class QuadrantList(AssessmentPageList):
    """The items of one quadrant; `noun` is the quadrant ("strength")."""

    quadrant: ClassVar[Quadrant]
    section_template = TEMPLATE
    form_template = "assessments/swot/form.html"
    confirm_template = "assessments/swot/confirm_delete.html"
    page_route = "assessments:swot"
    form_class = SwotItemForm
    add_on_demand = True
    services = services

    def form_kwargs(self, roadmap: Roadmap) -> dict[str, Any]:
        return {"roadmap": roadmap, "quadrant": self.noun}

    def item(self, membership: Membership, roadmap: Roadmap, *, pk: int, **_: Any) -> SwotItem:
        return swot_item_for(roadmap, self.noun, pk)

    def section_context(self, membership: Membership, roadmap: Roadmap) -> dict[str, Any]:
        return member_page(
            membership,
            roadmap=roadmap,
            quadrants=swot_of(roadmap),
            quadrant_label=self.quadrant.label.lower(),
        )

    def create(self, form, roadmap: Roadmap, by) -> SwotItem | None:
        return save_form(
            form, services.swot_item_create, roadmap=roadmap, quadrant=self.noun, by=by
        )

    def update(self, form, item: SwotItem, by) -> SwotItem | None:
        return save_form(form, services.swot_item_update, swot_item=item, by=by)

    def move(self, item: SwotItem, move):
        return services.swot_item_move(swot_item=item, move=move)

    def delete(self, item: SwotItem) -> None:
        services.swot_item_delete(swot_item=item)

    def label(self, item: SwotItem) -> str:
        return item.text

    def confirm_context(self, request: HtmxHttpRequest, item: SwotItem) -> dict[str, Any]:
        return gaps_stay(item.gaps.count() if item.quadrant == Quadrant.WEAKNESS else 0)


def quadrant_list(quadrant: Quadrant) -> QuadrantList:
    kind = type(
        f"{quadrant.label}List",
        (QuadrantList,),
        {
            "quadrant": quadrant,
            "noun": quadrant.value,
            "section": PLURALS[quadrant],
            "add_form_ids": f"{quadrant.value}-%s",  # four "add" forms on one page
        },
    )
    return kind()


QUADRANT_LISTS = {quadrant: quadrant_list(quadrant) for quadrant in Quadrant}


@login_required
def swot_page(request: HtmxHttpRequest, agency: str, slug: str) -> HttpResponse:
    membership = list_membership(request, agency, write=False)
    if request.method not in ("GET", "HEAD"):  # after the agency check: 404 comes first
        return HttpResponseNotAllowed(["GET", "HEAD"])
    roadmap = roadmap_for(membership, slug)
    # The page holds the four lists; each list's own address, without htmx, comes here.
    return render(request, TEMPLATE, QUADRANT_LISTS[Quadrant.STRENGTH].context(membership, roadmap))
