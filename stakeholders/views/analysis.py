"""Stakeholder analysis: the power/interest grid (with its table), filtered by
level and tag from the address, and the engagement assessment matrix with the
gaps that matter most."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, HttpResponseNotAllowed
from django.shortcuts import render

from ui.http import HtmxHttpRequest, member_page

from ..charts.grid import grid_description, power_interest_svg
from ..forms.stakeholders import StakeholderFilterForm, register_tags
from ..models import Engagement
from ..rules.analysis import GAP_RULE_TEXT, GRID_RULE_TEXT, Quadrant
from ..selectors.analysis import engagement_gaps, engagement_matrix, grid_points, placed
from ..selectors.stakeholders import register_of
from .access import member_and_roadmap

GRID = "stakeholders/analysis/grid.html"


@login_required
def power_interest_grid(request: HtmxHttpRequest, agency: str, slug: str) -> HttpResponse:
    """Every stakeholder by influence and interest (?level=&tag= filter them);
    with htmx, the `grid` section alone."""
    membership, roadmap = member_and_roadmap(request, agency, slug)
    if request.method not in ("GET", "HEAD"):  # after the agency check: 404 comes first
        return HttpResponseNotAllowed(["GET", "HEAD"])
    entries = register_of(roadmap)
    filters = StakeholderFilterForm(
        request.GET, tags=register_tags(entries), fields=("level", "tag")
    )
    shown = filters.entries(entries)
    points = grid_points(shown)
    context = member_page(
        membership,
        roadmap=roadmap,
        filter_form=filters,
        chart=power_interest_svg(points, id_prefix="power-interest"),
        description=grid_description(points),
        placed=placed(shown),
        quadrants=list(Quadrant),
        rule_text=GRID_RULE_TEXT,
        page_url=roadmap.address("stakeholders:grid"),
    )
    template = GRID
    if request.htmx and request.htmx.target == "grid":
        template += "#grid"
    return render(request, template, context)


@login_required
def engagement_assessment(request: HtmxHttpRequest, agency: str, slug: str) -> HttpResponse:
    membership, roadmap = member_and_roadmap(request, agency, slug)
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD"])
    entries = register_of(roadmap)
    return render(
        request,
        "stakeholders/analysis/engagement.html",
        member_page(
            membership,
            roadmap=roadmap,
            levels=Engagement.choices,
            matrix=engagement_matrix(entries),
            gaps=engagement_gaps(entries),
            rule_text=GAP_RULE_TEXT,
        ),
    )
