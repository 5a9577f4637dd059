"""An objective's own page: what it is, the goals it serves and its KPIs.

The page has two sections that htmx refreshes in place, each a named partial of
`roadmap/objective_detail.html`: `alignments` and `kpis`. A GET of the page
from htmx whose target is one of them (a "Cancel" link in an inline form)
gets just that section; anything else gets the whole page.
"""

from dataclasses import dataclass

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from agencies.access import get_membership
from agencies.http import HtmxHttpRequest, member_page
from agencies.models import Membership, Role

from .. import services
from ..forms import AlignmentForm
from ..kpi_status import KPIAssessment
from ..kpi_summary import summarise_statuses
from ..models import KPI, Objective, Roadmap
from ..selectors import objectives_in_full
from .lookups import alignment_for, objective_in, roadmap_for

TEMPLATE = "roadmap/objective_detail.html"
SECTIONS = ("alignments", "kpis")


@dataclass(frozen=True)
class KPIRow:
    kpi: KPI
    assessment: KPIAssessment


def objective_url(roadmap: Roadmap, objective: Objective, section: str = "") -> str:
    address = reverse(
        "roadmap:objective-detail",
        kwargs={"agency": roadmap.organisation.slug, "slug": roadmap.slug, "pk": objective.pk},
    )
    return f"{address}#{section}" if section else address


def objective_in_full(roadmap: Roadmap, pk: int) -> Objective:
    """The objective with its owner, alignments, KPIs and measurements, in four queries."""
    objective = get_object_or_404(objectives_in_full(roadmap), pk=pk)
    objective.roadmap = roadmap  # already loaded: no query to reach it again
    return objective


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


@login_required
@require_http_methods(["GET", "POST"])
def alignment_create(request: HtmxHttpRequest, agency: str, slug: str, pk: int) -> HttpResponse:
    membership = get_membership(request.user, agency, minimum=Role.EDITOR)
    objective = objective_in(membership, slug, pk)
    roadmap = objective.roadmap
    form = AlignmentForm(request.POST or None, objective=objective)
    extra: dict[str, object] = {"alignment_form": form}
    if request.method == "POST" and form.is_valid():
        alignment = services.objective_align(objective=objective, **form.cleaned_data)
        if not request.htmx:
            return redirect(objective_url(roadmap, objective, "alignments"))
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
        "roadmap/alignment_form.html",
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
            return redirect(objective_url(roadmap, objective, "alignments"))
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
    template = "roadmap/alignment_confirm_delete.html"
    return render(
        request,
        f"{template}#confirm-item" if request.htmx else template,
        member_page(membership, roadmap=roadmap, objective=objective, alignment=alignment),
    )
