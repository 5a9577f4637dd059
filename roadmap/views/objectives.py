"""A roadmap's objectives, an inline list that is the roadmap's "Objectives and
KPIs" page (ui/inline_list.py), and each objective's own page (what it is, the
goals it serves, its KPIs).

The objective's page has two sections that htmx refreshes in place, each a named
partial of `roadmap/objectives/detail.html`: `alignments` and `kpis`. A GET of
the page from htmx whose target is one of them (a "Cancel" link in an inline
form) gets just that section; anything else gets the whole page.
"""

from dataclasses import dataclass
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from agencies.access import get_membership
from agencies.models import Membership
from ui.http import HtmxHttpRequest, member_page

from ..forms.alignments import AlignmentForm
from ..forms.objectives import ObjectiveForm
from ..models import KPI, Objective, Roadmap
from ..rules.kpi_overdue import Overdue
from ..rules.kpi_status import KPIAssessment
from ..rules.kpi_summary import summarise_kpis, summarise_statuses
from ..selectors.objectives import objective_for, objective_in_full, objectives_in_full
from ..selectors.roadmaps import roadmap_for
from ..services import objectives as services
from .lists import RoadmapPageList

# The objective's own page and the sections of it that htmx refreshes in place.
TEMPLATE = "roadmap/objectives/detail.html"
SECTIONS = ("alignments", "kpis")


@dataclass(frozen=True)
class KPIRow:
    kpi: KPI
    assessment: KPIAssessment
    overdue: Overdue | None = None  # a flag beside the status, not instead of it

    @classmethod
    def of(cls, kpi: KPI) -> "KPIRow":
        """Judged on its prefetched measurements: no query per KPI."""
        measurements = kpi.measurements.all()
        return cls(kpi, kpi.assess(measurements), kpi.overdue(measurements))


class Objectives(RoadmapPageList):
    """The roadmap's objectives (ui/inline_list.py), whose list is the section's
    page. "Add an objective" opens a short form (title and description) in the
    list; "Add an objective with all its details", and "Change" without
    JavaScript, are the whole form on a page of its own."""

    noun = "objective"
    section = "objectives"
    section_template = "roadmap/objectives/list.html"
    page_route = "roadmap:objectives"
    add_on_demand = True
    form_template = "roadmap/objectives/form.html"
    confirm_template = "roadmap/objectives/confirm_delete.html"
    form_class = ObjectiveForm
    services = services

    def item(self, membership: Membership, roadmap: Roadmap, *, pk: int, **_: Any) -> Objective:
        return objective_for(roadmap, pk)

    def section_context(self, membership: Membership, roadmap: Roadmap) -> dict[str, Any]:
        """Objectives come with owner, aligned goals and KPIs with their
        measurements, so the list costs the same queries however long it is."""
        objectives = [
            (objective, summarise_kpis(objective.kpis.all()))
            for objective in objectives_in_full(roadmap)
        ]
        return member_page(membership, roadmap=roadmap, objectives=objectives)

    def list_url(self, roadmap: Roadmap) -> str:
        return self.page_url(roadmap)  # the list is the page

    def page(self, request: HtmxHttpRequest, membership: Membership, roadmap) -> HttpResponse:
        return render(request, self.section_template, self.context(membership, roadmap))

    def label(self, objective: Objective) -> str:
        return objective.title

    def message(self, done: str, objective: Objective) -> str:
        """ "Mission added: Digital public services", in the roadmap's own word."""
        return f"{objective.roadmap.objective_words.singular} {done}: {objective.title}"

    def confirm_context(self, request: HtmxHttpRequest, objective: Objective) -> dict[str, Any]:
        count = objective.kpis.count()
        if not count:
            return {}
        kpis = "1 KPI and all its" if count == 1 else f"{count} KPIs and all their"
        return {
            "consequence": f"Its {kpis} measurements will be deleted too, "
            "and it will no longer be aligned to any goal."
        }


objective_list = Objectives()


def objective_page_context(
    membership: Membership, objective: Objective, **extra: object
) -> dict[str, object]:
    """Everything the page and its sections show. `extra` may hold a bound
    `alignment_form` or `kpi_form` (errors to show), a KPI's inline `edit_form`
    (shown in its row), an `announcement` for screen readers, and `focus_kpi` or
    `focus_change` (the KPI whose name link, or whose "Change", takes focus)."""
    kpi_rows = [KPIRow.of(kpi) for kpi in objective.kpis.all()]
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
