"""An objective's KPIs, an inline list on the objective's page
(ui/inline_list.py), and a KPI's own page (its measurements are the inline
list in `measurements.py`).

"Add a KPI" opens its form in the list on demand. Without JavaScript, "Change"
is the whole form on a page of its own, which lands on the KPI's page when
saved; "Delete" asked from the KPI's page goes back there ("?next=").
"""

from posixpath import normpath
from typing import Any
from urllib.parse import urlsplit

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET

from agencies.access import get_membership
from agencies.models import Membership
from ui.http import HtmxHttpRequest, member_page
from ui.inline_list import InlineList

from ..forms.kpis import KPIForm
from ..forms.measurements import MeasurementForm
from ..models import KPI, Objective
from ..rules.kpi_overdue import RULE_TEXT as OVERDUE_RULE_TEXT
from ..rules.kpi_status import RULE_TEXT, KPIStatus
from ..rules.kpi_summary import TALLY_WORDS, summarise_statuses
from ..rules.kpi_values import COMMITMENT_TEXT, looks_like_commitment
from ..selectors.kpis import kpi_for, kpi_in_full, kpis_of_roadmap
from ..selectors.objectives import objective_in, objective_in_full
from ..selectors.roadmaps import roadmap_for
from ..services import kpis as services
from .lists import list_membership
from .objectives import TEMPLATE as OBJECTIVE_TEMPLATE
from .objectives import KPIRow, objective_page_context

KPI_TEMPLATE = "roadmap/kpis/detail.html"


def kpi_page_context(membership: Membership, kpi: KPI, **extra: object) -> dict[str, object]:
    """The KPI page and its `measurements` section. `extra` may hold a bound
    `measurement_form` or `change_form` (errors to show)."""
    objective = kpi.objective
    context: dict[str, object] = member_page(
        membership,
        roadmap=objective.roadmap,
        objective=objective,
        kpi=kpi,
        measurements=list(kpi.measurements.all()),
        assessment=kpi.assess(kpi.measurements.all()),
        overdue=kpi.overdue(kpi.measurements.all()),
        rule_text=RULE_TEXT,
        overdue_rule_text=OVERDUE_RULE_TEXT,
        commitment_warning=COMMITMENT_TEXT.format(target=kpi.target_text)
        if looks_like_commitment(kpi.baseline_value, kpi.target_value, kpi.unit)
        else "",
    )
    context.update(extra)
    return context


def way_back(request: HtmxHttpRequest, objective: Objective) -> str | None:
    """The `next` address, when it is one of this objective's own pages on this
    site (the objective page or one of its KPIs); None for anything else."""
    address = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(
        address, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return None
    parts = urlsplit(address)
    # A host of its own, or a path that climbs out with ".." or doubles a "/",
    # is not one of ours even when it starts like one.
    if parts.scheme or parts.netloc or normpath(parts.path) != parts.path.rstrip("/"):
        return None
    if not address.startswith(objective.get_absolute_url()):
        return None
    return address


class KPIs(InlineList):
    noun = "kpi"
    label_noun = "KPI"
    section = "kpis"
    section_template = OBJECTIVE_TEMPLATE
    form_template = "roadmap/kpis/form.html"
    confirm_template = "roadmap/kpis/confirm_delete.html"
    form_class = KPIForm
    add_on_demand = True
    services = services
    parent_arg = "objective"

    def parent(
        self, request: HtmxHttpRequest, *, write: bool, agency: str, slug: str, pk: int, **_: Any
    ) -> tuple[Membership, Objective]:
        membership = list_membership(request, agency, write=write)
        return membership, objective_in(membership, slug, pk)

    def item(self, membership: Membership, objective: Objective, *, kpi_pk: int, **_: Any) -> KPI:
        return kpi_for(objective, kpi_pk)

    def section_context(self, membership: Membership, objective: Objective) -> dict[str, Any]:
        """The objective's page, freshly read: its KPIs come with their measurements."""
        return objective_page_context(
            membership, objective_in_full(objective.roadmap, objective.pk)
        )

    def form_kwargs(self, objective: Objective) -> dict[str, Any]:
        return {"objective": objective}

    def page_url(self, objective: Objective) -> str:
        return objective.get_absolute_url()

    def list_url(self, objective: Objective) -> str:
        return objective.address("roadmap:kpi-list")

    def label(self, kpi: KPI) -> str:
        return kpi.name

    def after_change_url(self, objective: Objective, kpi: KPI) -> str:
        return kpi.get_absolute_url()

    def confirm_context(self, request: HtmxHttpRequest, kpi: KPI) -> dict[str, Any]:
        count = kpi.measurements.count()
        consequence = (
            f"Its {count} measurement{'' if count == 1 else 's'} will be deleted too."
            if count
            else ""
        )
        back = way_back(request, kpi.objective)
        return {
            "consequence": consequence,
            "back_url": back or f"{self.page_url(kpi.objective)}#kpi-{kpi.pk}",
        }


kpi_list = KPIs()


@login_required
@require_GET
def kpi_detail(
    request: HtmxHttpRequest, agency: str, slug: str, pk: int, kpi_pk: int
) -> HttpResponse:
    membership = get_membership(request.user, agency)
    objective = objective_in(membership, slug, pk)
    kpi = kpi_in_full(objective, kpi_pk)
    context = kpi_page_context(membership, kpi)
    if membership.can_edit:
        context["measurement_form"] = MeasurementForm(kpi=kpi)
    return render(request, KPI_TEMPLATE, context)


@login_required
@require_GET
def roadmap_kpis(request: HtmxHttpRequest, agency: str, slug: str) -> HttpResponse:
    """Every KPI of the roadmap in one table, by objective, with filters by status
    (`?status=off_track`) and overdue (`?overdue=1`): what the overview's counts
    link to."""
    membership = get_membership(request.user, agency)
    roadmap = roadmap_for(membership, slug)
    rows = [KPIRow.of(kpi) for kpi in kpis_of_roadmap(roadmap)]
    summary = summarise_statuses(row.assessment.status for row in rows)
    overdue_count = sum(1 for row in rows if row.overdue)
    wanted = request.GET.get("status", "")
    status = next((s for s in KPIStatus if s.value == wanted), None)  # anything else: all
    if status:
        rows = [row for row in rows if row.assessment.status == status]
    overdue_only = request.GET.get("overdue") == "1"
    if overdue_only:
        rows = [row for row in rows if row.overdue]
    return render(
        request,
        "roadmap/kpis/list.html",
        member_page(
            membership,
            roadmap=roadmap,
            rows=rows,
            summary=summary,
            status=status,
            status_words=TALLY_WORDS[status] if status else "",
            overdue_only=overdue_only,
            overdue_count=overdue_count,
        ),
    )
