"""Roadmap pages. Thin: check membership and role, parse a form, call a service."""

from copy import copy

from django.contrib.auth.decorators import login_required
from django.db.models import Count, Prefetch
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods
from django_htmx.http import HttpResponseClientRedirect

from agencies.access import get_membership, in_agency, in_users_agencies, user_memberships
from agencies.http import HtmxHttpRequest
from agencies.models import Membership, Role

from . import services
from .forms import ObjectiveForm, RoadmapForm
from .models import Objective, Roadmap


def _roadmap(membership: Membership, slug: str) -> Roadmap:
    return get_object_or_404(
        in_agency(Roadmap.objects.select_related("organisation"), membership), slug=slug
    )


def _objective(roadmap: Roadmap, pk: int) -> Objective:
    return get_object_or_404(Objective.objects.filter(roadmap=roadmap), pk=pk)


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
    roadmap = _roadmap(membership, slug)
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


@login_required
@require_http_methods(["GET", "POST"])
def objective_create(request: HtmxHttpRequest, agency: str, slug: str) -> HttpResponse:
    membership = get_membership(request.user, agency, minimum=Role.EDITOR)
    roadmap = _roadmap(membership, slug)
    form = ObjectiveForm(request.POST or None, roadmap=roadmap)
    announcement = ""
    if request.method == "POST" and form.is_valid():
        objective = services.objective_create(roadmap=roadmap, **form.cleaned_data)
        if not request.htmx:
            return redirect(f"{roadmap.get_absolute_url()}#objectives")
        form = ObjectiveForm(roadmap=roadmap)  # a fresh form for the next one
        announcement = f"Objective added: {objective.title}"
    if request.htmx:
        return render(
            request,
            "roadmap/roadmap_detail.html#objectives",
            {
                "membership": membership,
                "agency": membership.organisation,
                "roadmap": roadmap,
                "objectives": roadmap.objectives.order_by("position", "pk"),
                "objective_form": form,
                "announcement": announcement,
            },
        )
    return render(
        request,
        "roadmap/objective_form.html",
        {
            "membership": membership,
            "agency": membership.organisation,
            "roadmap": roadmap,
            "form": form,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def objective_edit(request: HtmxHttpRequest, agency: str, slug: str, pk: int) -> HttpResponse:
    membership = get_membership(request.user, agency, minimum=Role.EDITOR)
    roadmap = _roadmap(membership, slug)
    objective = _objective(roadmap, pk)
    form = ObjectiveForm(request.POST or None, instance=objective, roadmap=roadmap)
    if request.method == "POST" and form.is_valid():
        services.objective_update(objective=objective, **form.cleaned_data)
        return redirect(f"{roadmap.get_absolute_url()}#objectives")
    return render(
        request,
        "roadmap/objective_form.html",
        {
            "membership": membership,
            "agency": membership.organisation,
            "roadmap": roadmap,
            "objective": objective,
            "form": form,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def objective_delete(request: HtmxHttpRequest, agency: str, slug: str, pk: int) -> HttpResponse:
    membership = get_membership(request.user, agency, minimum=Role.EDITOR)
    roadmap = _roadmap(membership, slug)
    objective = _objective(roadmap, pk)
    if request.method == "POST":
        services.objective_delete(objective=objective)
        target = f"{roadmap.get_absolute_url()}#objectives"
        return HttpResponseClientRedirect(target) if request.htmx else redirect(target)
    return render(
        request,
        "roadmap/objective_confirm_delete.html",
        {
            "membership": membership,
            "agency": membership.organisation,
            "roadmap": roadmap,
            "objective": objective,
        },
    )
