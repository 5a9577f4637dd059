"""A roadmap's objectives: add, edit, reorder and delete them on the roadmap
page, and each objective's own page (what it is, the goals it serves, its KPIs).

The roadmap page adds an objective inline (title and description), moves
objectives up and down, and edits or deletes one in its place in the list: with
htmx, "Edit" and "Delete" swap the objective's item for the full form or the
question (the `edit-item` and `confirm-item` partials), and every write answers
with the page's "objectives" part. Without JavaScript the same links are pages
of their own (the full form, with every field; the question) that redirect back.

The objective's page has two sections that htmx refreshes in place, each a named
partial of `roadmap/objectives/detail.html`: `alignments` and `kpis`. A GET of
the page from htmx whose target is one of them (a "Cancel" link in an inline
form) gets just that section; anything else gets the whole page.
"""

from copy import copy
from dataclasses import dataclass

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from agencies.access import get_membership
from agencies.models import Membership, Role
from ui.concurrency import save_form
from ui.http import HtmxHttpRequest, member_page
from ui.ordering import move_announcement, requested_move

from ..forms.alignments import AlignmentForm
from ..forms.objectives import ObjectiveForm
from ..models import KPI, Objective
from ..rules.kpi_status import KPIAssessment
from ..rules.kpi_summary import summarise_statuses
from ..selectors.objectives import objective_for, objective_in_full
from ..selectors.roadmaps import roadmap_for
from ..services import objectives as services
from .roadmaps import render_roadmap_page

# The inline edit form shares the roadmap page with the "add an objective" form:
# its own ids keep every label and error-summary link pointing at the right field.
INLINE_EDIT_IDS = "edit_%s"

# The objective's own page and the sections of it that htmx refreshes in place.
TEMPLATE = "roadmap/objectives/detail.html"
SECTIONS = ("alignments", "kpis")


@dataclass(frozen=True)
class KPIRow:
    kpi: KPI
    assessment: KPIAssessment


@login_required
@require_http_methods(["GET", "POST"])
def objective_create(request: HtmxHttpRequest, agency: str, slug: str) -> HttpResponse:
    membership = get_membership(request.user, agency, minimum=Role.EDITOR)
    roadmap = roadmap_for(membership, slug)
    form = ObjectiveForm(request.POST if request.method == "POST" else None, roadmap=roadmap)
    announcement = ""
    if (
        request.method == "POST"
        and form.is_valid()
        and (
            objective := save_form(
                form, services.objective_create, roadmap=roadmap, by=request.user
            )
        )
    ):
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
        "roadmap/objectives/form.html",
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
    if (
        request.method == "POST"
        and form.is_valid()
        and save_form(form, services.objective_update, objective=objective, by=request.user)
    ):
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
    template = "roadmap/objectives/form.html"
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
    template = "roadmap/objectives/confirm_delete.html"
    return render(
        request,
        f"{template}#confirm-item" if request.htmx else template,
        member_page(
            membership, roadmap=roadmap, objective=objective, kpi_count=objective.kpis.count()
        ),
    )


def objective_page_context(
    membership: Membership, objective: Objective, **extra: object
) -> dict[str, object]:
    """Everything the page and its sections show. `extra` may hold a bound
    `alignment_form` or `kpi_form` (errors to show), a KPI's inline `edit_form`
    (shown in its row), an `announcement` for screen readers, and `focus_kpi` or
    `focus_change` (the KPI whose name link, or whose "Change", takes focus)."""
    kpi_rows = [KPIRow(kpi, kpi.assess(kpi.measurements.all())) for kpi in objective.kpis.all()]
    context: dict[str, object] = member_page(
        membership,
        roadmap=objective.roadmap,
        objective=objective,
        alignments=list(objective.alignments.all()),
        kpi_rows=kpi_rows,
        kpi_summary=summarise_statuses(row.assessment.status for row in kpi_rows),
    )
    if membership.can_edit and "alignment_form" not in extra:
        context["alignment_form"] = AlignmentForm(objective=objective)
    context.update(extra)
    return context


@login_required
@require_GET
def objective_detail(request: HtmxHttpRequest, agency: str, slug: str, pk: int) -> HttpResponse:
    membership = get_membership(request.user, agency)
    roadmap = roadmap_for(membership, slug)
    objective = objective_in_full(roadmap, pk)
    template = TEMPLATE
    if request.htmx and request.htmx.target in SECTIONS:
        template = f"{TEMPLATE}#{request.htmx.target}"
    return render(request, template, objective_page_context(membership, objective))
