"""The home page, an agency's roadmaps, and a roadmap's own page and settings.

Views are thin: check membership and role, parse a form, call a service.
"""

from copy import copy

from django.contrib.auth.decorators import login_required
from django.db.models import Count, Prefetch
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from agencies.access import get_membership, in_agency, in_users_agencies, user_memberships
from agencies.http import HtmxHttpRequest
from agencies.models import Role

from .. import services
from ..forms import ObjectiveForm, RoadmapForm
from ..models import Objective, Roadmap
from .lookups import roadmap_for


@login_required
def home(request: HtmxHttpRequest) -> HttpResponse:
    memberships = list(user_memberships(request.user))
    roadmaps = (
        in_users_agencies(Roadmap.objects.all(), request.user)
        .select_related("organisation")
        .annotate(objective_count=Count("objectives", distinct=True))
        .order_by("organisation__name", "-horizon_start_year", "title")
    )
    by_agency: dict[int, list[Roadmap]] = {}
    for roadmap in roadmaps:
        by_agency.setdefault(roadmap.organisation_id, []).append(roadmap)
    agencies = [(m, by_agency.get(m.organisation_id, [])) for m in memberships]
    return render(request, "roadmap/home.html", {"agencies": agencies})


@login_required
def agency_roadmaps(request: HtmxHttpRequest, agency: str) -> HttpResponse:
    membership = get_membership(request.user, agency)
    roadmaps = in_agency(Roadmap.objects.all(), membership).annotate(
        objective_count=Count("objectives")
    )
    return render(
        request,
        "roadmap/agency_roadmaps.html",
        {"membership": membership, "agency": membership.organisation, "roadmaps": roadmaps},
    )


@login_required
@require_http_methods(["GET", "POST"])
def roadmap_create(request: HtmxHttpRequest, agency: str) -> HttpResponse:
    membership = get_membership(request.user, agency, minimum=Role.EDITOR)
    form = RoadmapForm(request.POST or None, organisation=membership.organisation)
    if request.method == "POST" and form.is_valid():
        roadmap = services.roadmap_create(
            organisation=membership.organisation, created_by=request.user, **form.cleaned_data
        )
        return redirect(roadmap)
    return render(
        request,
        "roadmap/roadmap_form.html",
        {"membership": membership, "agency": membership.organisation, "form": form},
    )


@login_required
def roadmap_detail(request: HtmxHttpRequest, agency: str, slug: str) -> HttpResponse:
    membership = get_membership(request.user, agency)
    roadmap = get_object_or_404(
        in_agency(Roadmap.objects.select_related("organisation"), membership).prefetch_related(
            Prefetch("objectives", queryset=Objective.objects.order_by("position", "pk"))
        ),
        slug=slug,
    )
    return render(
        request,
        "roadmap/roadmap_detail.html",
        {
            "membership": membership,
            "agency": membership.organisation,
            "roadmap": roadmap,
            "objectives": roadmap.objectives.all(),
            "objective_form": ObjectiveForm(roadmap=roadmap) if membership.can_edit else None,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def roadmap_edit(request: HtmxHttpRequest, agency: str, slug: str) -> HttpResponse:
    membership = get_membership(request.user, agency, minimum=Role.EDITOR)
    roadmap = roadmap_for(membership, slug)
    # The form edits a copy, so a refused edit leaves the page's title and
    # breadcrumbs showing the saved roadmap.
    form = RoadmapForm(
        request.POST or None, instance=copy(roadmap), organisation=membership.organisation
    )
    if request.method == "POST" and form.is_valid():
        services.roadmap_update(roadmap=roadmap, **form.cleaned_data)
        return redirect(roadmap)
    return render(
        request,
        "roadmap/roadmap_form.html",
        {
            "membership": membership,
            "agency": membership.organisation,
            "roadmap": roadmap,
            "form": form,
        },
    )
