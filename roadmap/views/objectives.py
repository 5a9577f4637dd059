"""Add, edit, reorder and delete a roadmap's objectives."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods
from django_htmx.http import HttpResponseClientRedirect

from agencies.access import get_membership
from agencies.http import HtmxHttpRequest
from agencies.models import Role

from .. import services
from ..forms import ObjectiveForm
from .lookups import objective_for, roadmap_for


@login_required
@require_http_methods(["GET", "POST"])
def objective_create(request: HtmxHttpRequest, agency: str, slug: str) -> HttpResponse:
    membership = get_membership(request.user, agency, minimum=Role.EDITOR)
    roadmap = roadmap_for(membership, slug)
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
    roadmap = roadmap_for(membership, slug)
    objective = objective_for(roadmap, pk)
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
    roadmap = roadmap_for(membership, slug)
    objective = objective_for(roadmap, pk)
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
