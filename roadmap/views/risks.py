"""A roadmap's risks, an inline list that is a page of the roadmap's Roadmap
section (ui/inline_list.py), with the 5 x 5 heat map and its table at the top.
The risks are sorted by score, highest first (they do not move); added on
demand, changed in place, deleted after a question. Each says its score and
level in words, its owner, status, mitigation and the initiatives it
threatens; a high risk with no mitigation is flagged in words."""

from typing import Any

from django.http import HttpResponse
from django.shortcuts import render

from agencies.models import Membership
from ui.http import HtmxHttpRequest, member_page

from ..charts.risks import heat_map_columns, heat_map_description, heat_map_rows, risk_heat_map_svg
from ..forms.risks import RiskForm
from ..models import Risk, Roadmap
from ..rules.risks import HIGH_RISK, RISK_RULE_TEXT, heat_map
from ..selectors.risks import risk_for, risks_of
from ..services import risks as services
from .lists import RoadmapPageList


def heat_map_context(risks: list[Risk]) -> dict[str, Any]:
    """The heat map of `risks` as SVG, and its table alternative."""
    counts = heat_map((risk.likelihood, risk.impact) for risk in risks)
    return {
        "heat_map_svg": risk_heat_map_svg(counts, id_prefix="risks-map"),
        "heat_map_rows": heat_map_rows(counts),
        "heat_map_columns": heat_map_columns(),
        "heat_map_description": heat_map_description(counts),
        "risk_rule": RISK_RULE_TEXT,
        "high_risk": HIGH_RISK,
    }


class Risks(RoadmapPageList):
    noun = "risk"
    section = "risks"
    section_template = "roadmap/risks/list.html"
    form_template = "roadmap/risks/form.html"
    confirm_template = "roadmap/risks/confirm_delete.html"
    page_route = "roadmap:risks"
    form_class = RiskForm
    add_on_demand = True
    movable = False
    services = services

    def item(self, membership: Membership, roadmap: Roadmap, *, pk: int, **_: Any) -> Risk:
        return risk_for(roadmap, pk)

    def section_context(self, membership: Membership, roadmap: Roadmap) -> dict[str, Any]:
        risks = risks_of(roadmap)
        return member_page(
            membership,
            roadmap=roadmap,
            risks=risks,
            unmitigated=sum(risk.unmitigated_high for risk in risks),
            **heat_map_context(risks),
        )

    def list_url(self, roadmap: Roadmap) -> str:
        return self.page_url(roadmap)  # the list is the page

    def page(self, request: HtmxHttpRequest, membership: Membership, roadmap) -> HttpResponse:
        return render(request, self.section_template, self.context(membership, roadmap))

    def label(self, risk: Risk) -> str:
        return risk.title


risk_list = Risks()
