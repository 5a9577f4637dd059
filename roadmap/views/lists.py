"""What the roadmap app's inline lists (ui/inline_list.py) share: who may read
and write them, and the lists whose parent is the roadmap (each on one of the
roadmap's section pages)."""

from typing import Any

from agencies.access import get_membership
from agencies.models import Membership, Role
from ui.http import HtmxHttpRequest
from ui.inline_list import InlineList

from ..models import Roadmap
from ..selectors.roadmaps import roadmap_for


def list_membership(request: HtmxHttpRequest, agency: str, *, write: bool) -> Membership:
    """Members read every list; editors and above write to them."""
    return get_membership(request.user, agency, minimum=Role.EDITOR if write else Role.VIEWER)


class RoadmapPageList(InlineList):
    """A list whose parent is the roadmap, on the section page `page_route`."""

    page_route: str  # "roadmap:vision"
    parent_arg = "roadmap"

    def parent(
        self, request: HtmxHttpRequest, *, write: bool, agency: str, slug: str, **_: Any
    ) -> tuple[Membership, Roadmap]:
        membership = list_membership(request, agency, write=write)
        return membership, roadmap_for(membership, slug)

    def form_kwargs(self, roadmap: Roadmap) -> dict[str, Any]:
        return {"roadmap": roadmap}

    def page_url(self, roadmap: Roadmap) -> str:
        return roadmap.address(self.page_route)

    def list_url(self, roadmap: Roadmap) -> str:
        return roadmap.address(f"roadmap:{self.noun}-list")
