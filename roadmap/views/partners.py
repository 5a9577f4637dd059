"""A roadmap's partner organisations (a joint roadmap), an inline list in the
"About this roadmap" box of the overview (ui/inline_list.py): add, change in
place, delete after a question, move. Names only: a partner gets no access."""

from typing import Any

from agencies.models import Membership
from ui.http import member_page

from ..forms.partners import PartnerForm
from ..models import Partner, Roadmap
from ..selectors.partners import partner_for
from ..services import partners
from .lists import RoadmapPageList


class Partners(RoadmapPageList):
    noun = "partner"
    label_noun = "partner organisation"
    section = "partners"
    section_template = "roadmap/roadmaps/detail.html"
    page_route = "roadmap:detail"
    add_on_demand = True
    form_template = "roadmap/partners/form.html"
    confirm_template = "roadmap/partners/confirm_delete.html"
    form_class = PartnerForm
    services = partners

    def item(self, membership: Membership, roadmap: Roadmap, *, pk: int, **_: Any) -> Partner:
        return partner_for(roadmap, pk)

    def section_context(self, membership: Membership, roadmap: Roadmap) -> dict[str, Any]:
        return member_page(membership, roadmap=roadmap, partners=list(roadmap.partners.all()))

    def label(self, partner: Partner) -> str:
        return partner.name


partner_list = Partners()
