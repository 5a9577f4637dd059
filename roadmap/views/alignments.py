"""Align an objective with one of the agency's goals, or stop aligning it, on the
objective's page: inline with htmx (the page's `alignments` section comes
back), or as pages of their own that redirect back without JavaScript."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from agencies.access import get_membership
from agencies.models import Role
from ui.concurrency import save_form
from ui.http import HtmxHttpRequest, member_page

from ..forms.alignments import AlignmentForm
from ..selectors.alignments import alignment_for
from ..selectors.objectives import objective_in, objective_in_full
from ..services import alignments as services
from .objectives import TEMPLATE, objective_page_context


@login_required
@require_http_methods(["GET", "POST"])
def alignment_create(request: HtmxHttpRequest, agency: str, slug: str, pk: int) -> HttpResponse:
    membership = get_membership(request.user, agency, minimum=Role.EDITOR)
    objective = objective_in(membership, slug, pk)
    roadmap = objective.roadmap
    form = AlignmentForm(request.POST or None, objective=objective)
    extra: dict[str, object] = {"alignment_form": form}
    if (
        request.method == "POST"
        and form.is_valid()
        and (alignment := save_form(form, services.objective_align, objective=objective))
    ):
        if not request.htmx:
            return redirect(f"{objective.get_absolute_url()}#alignments")
        extra = {"announcement": f"Aligned to the goal: {alignment.goal.title}"}
    if request.htmx:
        objective = objective_in_full(roadmap, pk)
        return render(
            request,
            f"{TEMPLATE}#alignments",
            objective_page_context(membership, objective, **extra),
        )
    return render(
        request,
        "roadmap/alignments/form.html",
        member_page(membership, roadmap=roadmap, objective=objective, form=form),
    )


@login_required
@require_http_methods(["GET", "POST"])
def alignment_delete(
    request: HtmxHttpRequest, agency: str, slug: str, pk: int, alignment_pk: int
) -> HttpResponse:
    membership = get_membership(request.user, agency, minimum=Role.EDITOR)
    objective = objective_in(membership, slug, pk)
    roadmap = objective.roadmap
    alignment = alignment_for(objective, alignment_pk)
    if request.method == "POST":
        services.alignment_delete(alignment=alignment)
        if not request.htmx:
            return redirect(f"{objective.get_absolute_url()}#alignments")
        return render(
            request,
            f"{TEMPLATE}#alignments",
            objective_page_context(
                membership,
                objective_in_full(roadmap, pk),
                announcement=f"No longer aligned to the goal: {alignment.goal.title}",
                focus_alignments=True,
            ),
        )
    template = "roadmap/alignments/confirm_delete.html"
    return render(
        request,
        f"{template}#confirm-item" if request.htmx else template,
        member_page(membership, roadmap=roadmap, objective=objective, alignment=alignment),
    )
