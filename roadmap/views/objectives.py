"""Add, edit, reorder and delete a roadmap's objectives.

The roadmap page adds an objective inline (title and description) and moves
objectives up and down; with htmx those swap the page's "objectives" part,
without JavaScript they redirect back. The full form, with every field, is a
page of its own for adding and for editing.
"""

from copy import copy

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST
from django_htmx.http import HttpResponseClientRedirect

from agencies.access import get_membership
from agencies.http import HtmxHttpRequest
from agencies.models import Role

from .. import services
from ..forms import ObjectiveForm
from .lookups import objective_for, roadmap_for
from .reorder import move_announcement, requested_move
from .roadmaps import render_roadmap_page, roadmap_page_context


@login_required
@require_http_methods(["GET", "POST"])
def objective_create(request: HtmxHttpRequest, agency: str, slug: str) -> HttpResponse:
    membership = get_membership(request.user, agency, minimum=Role.EDITOR)
    roadmap = roadmap_for(membership, slug)
    form = ObjectiveForm(request.POST if request.method == "POST" else None, roadmap=roadmap)
    announcement = ""
    if request.method == "POST" and form.is_valid():
        objective = services.objective_create(roadmap=roadmap, **form.cleaned_data)
        if not request.htmx:
            return redirect(f"{roadmap.get_absolute_url()}#objectives")
        form = ObjectiveForm(roadmap=roadmap)  # a fresh form for the next one
        announcement = f"Objective added: {objective.title}"
    if request.htmx:
        return render_roadmap_page(
            request,
            membership,
            roadmap,
            part="objectives",
            objective_form=form,
            announcement=announcement,
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
    # The form edits a copy, so a refused edit leaves the page showing the saved title.
    form = ObjectiveForm(
        request.POST if request.method == "POST" else None,
        instance=copy(objective),
        roadmap=roadmap,
    )
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
@require_POST
def objective_move(request: HtmxHttpRequest, agency: str, slug: str, pk: int) -> HttpResponse:
    membership = get_membership(request.user, agency, minimum=Role.EDITOR)
    roadmap = roadmap_for(membership, slug)
    objective = objective_for(roadmap, pk)
    move = requested_move(request)
    moved = services.objective_move(objective=objective, move=move)
    if not request.htmx:
        return redirect(f"{roadmap.get_absolute_url()}#objective-{objective.pk}")
    context = roadmap_page_context(
        membership, roadmap, part="objectives", moved_pk=objective.pk, moved=move.value
    )
    rows = context["objectives"]
    place = next(i for i, (row, _) in enumerate(rows, start=1) if row.pk == objective.pk)
    context["announcement"] = move_announcement(
        objective.title, move, moved=moved, place=place, total=len(rows)
    )
    return render(request, "roadmap/roadmap_detail.html#objectives", context)


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
            "kpi_count": objective.kpis.count(),
        },
    )
