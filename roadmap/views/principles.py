"""A roadmap's guiding principles, an inline list on the roadmap page
(ui/inline_list.py): add, change in place, delete after a question, move."""

from typing import Any

from agencies.access import get_membership
from agencies.models import Membership, Role
from ui.http import HtmxHttpRequest, member_page
from ui.inline_list import InlineList

from ..forms.principles import PrincipleForm
from ..models import GuidingPrinciple, Roadmap
from ..selectors.principles import principle_for
from ..selectors.roadmaps import roadmap_for
from ..services import principles

ROADMAP_PAGE = "roadmap/roadmaps/detail.html"


class Principles(InlineList):
    noun = "principle"
    section = "principles"
    section_template = ROADMAP_PAGE
    form_template = "roadmap/principles/form.html"
    confirm_template = "roadmap/principles/confirm_delete.html"
    form_class = PrincipleForm
    add_form_ids = "id_principle_%s"  # the roadmap page has two forms with a "title" field
    services = principles
    parent_arg = "roadmap"

    def parent(
        self, request: HtmxHttpRequest, *, write: bool, agency: str, slug: str, **_: Any
    ) -> tuple[Membership, Roadmap]:
        membership = get_membership(
            request.user, agency, minimum=Role.EDITOR if write else Role.VIEWER
        )
        return membership, roadmap_for(membership, slug)

    def item(
        self, membership: Membership, roadmap: Roadmap, *, pk: int, **_: Any
    ) -> GuidingPrinciple:
        return principle_for(roadmap, pk)

    def section_context(self, membership: Membership, roadmap: Roadmap) -> dict[str, Any]:
        return member_page(membership, roadmap=roadmap, principles=list(roadmap.principles.all()))

    def form_kwargs(self, roadmap: Roadmap) -> dict[str, Any]:
        return {"roadmap": roadmap}

    def page_url(self, roadmap: Roadmap) -> str:
        return roadmap.get_absolute_url()

    def list_url(self, roadmap: Roadmap) -> str:
        return roadmap.address("roadmap:principle-list")

    def label(self, principle: GuidingPrinciple) -> str:
        return principle.title


principle_list = Principles()
