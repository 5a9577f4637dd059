"""A roadmap's guiding principles, an inline list on the roadmap's "Vision and
principles" page (ui/inline_list.py): add, change in place, delete after a
question, move."""

from typing import Any

from agencies.models import Membership

from ..forms.principles import PrincipleForm
from ..models import GuidingPrinciple, Roadmap
from ..selectors.principles import principle_for
from ..services import principles
from .lists import RoadmapPageList
from .roadmap_goals import vision_page_context


class Principles(RoadmapPageList):
    noun = "principle"
    section = "principles"
    section_template = "roadmap/roadmaps/vision.html"
    page_route = "roadmap:vision"
    add_on_demand = True
    form_template = "roadmap/principles/form.html"
    confirm_template = "roadmap/principles/confirm_delete.html"
    form_class = PrincipleForm
    services = principles

    def item(
        self, membership: Membership, roadmap: Roadmap, *, pk: int, **_: Any
    ) -> GuidingPrinciple:
        return principle_for(roadmap, pk)

    def section_context(self, membership: Membership, roadmap: Roadmap) -> dict[str, Any]:
        return vision_page_context(membership, roadmap)

    def label(self, principle: GuidingPrinciple) -> str:
        return principle.title


principle_list = Principles()
