"""Add, edit, reorder and delete a roadmap's objectives.

The roadmap page adds an objective inline (title and description), moves
objectives up and down, and edits or deletes one in its place in the list: with
htmx, "Edit" and "Delete" swap the objective's item for the full form or the
question (the `edit-item` and `confirm-item` partials), and every write answers
with the page's "objectives" part. Without JavaScript the same links are pages
of their own (the full form, with every field; the question) that redirect back.
"""

from copy import copy

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from agencies.access import get_membership
from agencies.http import HtmxHttpRequest, member_page
from agencies.models import Role

from .. import services
from ..forms import ObjectiveForm
from .lookups import objective_for, roadmap_for
from .reorder import move_announcement, requested_move
from .roadmaps import render_roadmap_page

# The inline edit form shares the roadmap page with the "add an objective" form:
# its own ids keep every label and error-summary link pointing at the right field.
INLINE_EDIT_IDS = "edit_%s"


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
        member_page(membership, roadmap=roadmap, form=form),
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
        auto_id=INLINE_EDIT_IDS if request.htmx else "id_%s",
    )
    if request.method == "POST" and form.is_valid():
        services.objective_update(objective=objective, **form.cleaned_data)
        if not request.htmx:
            return redirect(f"{roadmap.get_absolute_url()}#objectives")
        return render_roadmap_page(
            request,
            membership,
            roadmap,
            part="objectives",
            announcement=f"Objective saved: {objective.title}",
            focus_objective=objective.pk,
            focus_control="edit",
        )
    if request.htmx and request.method == "POST":  # the form again, in its place in the list
        return render_roadmap_page(request, membership, roadmap, part="objectives", edit_form=form)
    template = "roadmap/objective_form.html"
    return render(
        request,
        f"{template}#edit-item" if request.htmx else template,
        member_page(membership, roadmap=roadmap, objective=objective, form=form),
    )


@login_required
@require_POST
def objective_move(request: HtmxHttpRequest, agency: str, slug: str, pk: int) -> HttpResponse:
    membership = get_membership(request.user, agency, minimum=Role.EDITOR)
    roadmap = roadmap_for(membership, slug)
    objective = objective_for(roadmap, pk)
    move = requested_move(request)
    result = services.objective_move(objective=objective, move=move)
    if not request.htmx:
        return redirect(f"{roadmap.get_absolute_url()}#objective-{objective.pk}")
    return render_roadmap_page(
        request,
        membership,
        roadmap,
        part="objectives",
        moved_pk=objective.pk,
        moved=move.value,
        announcement=move_announcement(objective.title, move, result),
    )


@login_required
@require_http_methods(["GET", "POST"])
def objective_delete(request: HtmxHttpRequest, agency: str, slug: str, pk: int) -> HttpResponse:
    membership = get_membership(request.user, agency, minimum=Role.EDITOR)
    roadmap = roadmap_for(membership, slug)
    objective = objective_for(roadmap, pk)
    if request.method == "POST":
        services.objective_delete(objective=objective)
        if not request.htmx:
            return redirect(f"{roadmap.get_absolute_url()}#objectives")
        return render_roadmap_page(
            request,
            membership,
            roadmap,
            part="objectives",
            announcement=f"Objective deleted: {objective.title}",
            focus_objectives=True,
        )
    template = "roadmap/objective_confirm_delete.html"
    return render(
        request,
        f"{template}#confirm-item" if request.htmx else template,
        member_page(
            membership, roadmap=roadmap, objective=objective, kpi_count=objective.kpis.count()
        ),
    )
