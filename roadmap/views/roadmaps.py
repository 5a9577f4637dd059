"""The home page, an agency's roadmaps, and a roadmap's overview, its "Vision
and principles" page and its settings.

The overview is short: status, the vision in brief, counts of objectives and
of KPIs by status that link to the lists behind them, and the export. The
lists live on the sections' pages (`principles.py`, `objectives.py`,
`kpis.py`).

Views are thin: check membership and role, parse a form, call a service.
"""

from copy import copy

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_safe

from agencies.access import get_membership, in_agency, in_users_agencies, user_memberships
from agencies.models import Role
from ui.concurrency import save_form
from ui.http import HtmxHttpRequest, member_page

from ..forms.roadmaps import RoadmapForm
from ..models import Roadmap
from ..rules.kpi_summary import summarise_kpis
from ..selectors.initiatives import initiative_counts
from ..selectors.kpis import kpis_of_roadmap
from ..selectors.objectives import objective_counts
from ..selectors.roadmaps import roadmap_for
from ..services import roadmaps as services
from .principles import principle_list


@login_required
@require_safe
def home(request: HtmxHttpRequest) -> HttpResponse:
    memberships = list(user_memberships(request.user))
    roadmaps = (
        in_users_agencies(Roadmap.objects.all(), request.user)
        .select_related("organisation")
        .with_objective_counts()
        .order_by("organisation__name", "-horizon_start_year", "title")
    )
    by_agency: dict[int, list[Roadmap]] = {}
    for roadmap in roadmaps:
        by_agency.setdefault(roadmap.organisation_id, []).append(roadmap)
    agencies = [(m, by_agency.get(m.organisation_id, [])) for m in memberships]
    return render(request, "roadmap/roadmaps/home.html", {"agencies": agencies})


@login_required
def agency_roadmaps(request: HtmxHttpRequest, agency: str) -> HttpResponse:
    membership = get_membership(request.user, agency)
    if request.method not in ("GET", "HEAD"):  # after the agency check: 404 comes first
        return HttpResponseNotAllowed(["GET", "HEAD"])
    roadmaps = in_agency(
        Roadmap.objects.select_related("organisation"), membership
    ).with_objective_counts()
    return render(
        request,
        "roadmap/roadmaps/agency.html",
        member_page(membership, roadmaps=roadmaps),
    )


@login_required
@require_http_methods(["GET", "POST"])
def roadmap_create(request: HtmxHttpRequest, agency: str) -> HttpResponse:
    membership = get_membership(request.user, agency, minimum=Role.EDITOR)
    form = RoadmapForm(request.POST or None, organisation=membership.organisation)
    if (
        request.method == "POST"
        and form.is_valid()
        and (
            roadmap := save_form(
                form,
                services.roadmap_create,
                organisation=membership.organisation,
                created_by=request.user,
            )
        )
    ):
        return redirect(roadmap)
    return render(
        request,
        "roadmap/roadmaps/form.html",
        member_page(membership, form=form),
    )


@login_required
def roadmap_detail(request: HtmxHttpRequest, agency: str, slug: str) -> HttpResponse:
    """The overview: what a programme lead wants at a glance."""
    membership = get_membership(request.user, agency)
    if request.method not in ("GET", "HEAD"):  # after the agency check: 404 comes first
        return HttpResponseNotAllowed(["GET", "HEAD"])
    roadmap = roadmap_for(membership, slug)
    return render(
        request,
        "roadmap/roadmaps/detail.html",
        member_page(
            membership,
            roadmap=roadmap,
            principle_count=roadmap.principles.count(),
            partners=list(roadmap.partners.all()),
            objective_counts=objective_counts(roadmap),
            kpi_summary=summarise_kpis(kpis_of_roadmap(roadmap)),
            initiative_counts=initiative_counts(roadmap),
        ),
    )


@login_required
def roadmap_vision(request: HtmxHttpRequest, agency: str, slug: str) -> HttpResponse:
    """The vision, the purpose and the guiding principles (an inline list)."""
    membership = get_membership(request.user, agency)
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD"])
    roadmap = roadmap_for(membership, slug)
    return render(
        request, principle_list.section_template, principle_list.context(membership, roadmap)
    )


@login_required
@require_http_methods(["GET", "POST"])
def roadmap_edit(request: HtmxHttpRequest, agency: str, slug: str) -> HttpResponse:
    membership = get_membership(request.user, agency, minimum=Role.EDITOR)
    roadmap = roadmap_for(membership, slug)
    # The form edits a copy, so a refused edit leaves the page's title and
    # breadcrumbs showing the saved roadmap.
    form = RoadmapForm(
        request.POST if request.method == "POST" else None,
        instance=copy(roadmap),
        organisation=membership.organisation,
    )
    if (
        request.method == "POST"
        and form.is_valid()
        and save_form(form, services.roadmap_update, roadmap=roadmap, by=request.user)
    ):
        return redirect(roadmap)
    return render(
        request,
        "roadmap/roadmaps/form.html",
        member_page(membership, roadmap=roadmap, form=form),
    )
