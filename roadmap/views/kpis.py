"""Add, change, reorder and delete an objective's KPIs; a KPI's own page (its
measurements are written in `measurements.py`).

Inline (htmx) writes answer with the `kpis` section of the objective page, a
named partial of its template. Without JavaScript each write is a plain page
and a redirect.

An inline "Change" opens in the row it changes (`HX-Target: kpi-<pk>`, or
`measurement-<pk>` on the KPI page) with its own field ids, so they never clash
with the "add" form's; aimed at the whole section (`HX-Target: kpis`) it answers
with the section, the form in its row.
"""

from copy import copy
from posixpath import normpath
from urllib.parse import urlsplit

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from agencies.access import get_membership
from agencies.models import Membership, Role
from ui.concurrency import save_form
from ui.http import HtmxHttpRequest, member_page
from ui.ordering import move_announcement, requested_move

from ..forms.kpis import KPIForm
from ..forms.measurements import MeasurementForm
from ..models import KPI, Objective
from ..rules.kpi_status import RULE_TEXT
from ..selectors.kpis import kpi_in, kpi_in_full
from ..selectors.objectives import objective_in, objective_in_full
from ..services import kpis as services
from .objectives import TEMPLATE as OBJECTIVE_TEMPLATE
from .objectives import objective_page_context

KPI_TEMPLATE = "roadmap/kpis/detail.html"
# The inline edit form of a KPI or a measurement shares the page with the "add"
# form: its own ids keep every label pointing at the right field.
INLINE_EDIT_IDS = "edit_%s"


def kpi_page_context(membership: Membership, kpi: KPI, **extra: object) -> dict[str, object]:
    """The KPI page and its `measurements` section. `extra` may hold a bound
    `measurement_form` or `edit_form` (errors to show) and an `announcement`."""
    objective = kpi.objective
    context: dict[str, object] = member_page(
        membership,
        roadmap=objective.roadmap,
        objective=objective,
        kpi=kpi,
        measurements=list(kpi.measurements.all()),
        assessment=kpi.assess(kpi.measurements.all()),
        rule_text=RULE_TEXT,
    )
    if membership.can_edit and "measurement_form" not in extra:
        context["measurement_form"] = MeasurementForm(kpi=kpi)
    context.update(extra)
    return context


def kpis_section(
    request: HtmxHttpRequest, membership: Membership, objective: Objective, **extra: object
) -> HttpResponse:
    """The objective page's `kpis` section, freshly read."""
    objective = objective_in_full(objective.roadmap, objective.pk)
    return render(
        request,
        f"{OBJECTIVE_TEMPLATE}#kpis",
        objective_page_context(membership, objective, **extra),
    )


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


def page_context(membership: Membership, objective: Objective, **extra: object) -> dict:
    return member_page(membership, roadmap=objective.roadmap, objective=objective, **extra)


# KPIs ----------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def kpi_create(request: HtmxHttpRequest, agency: str, slug: str, pk: int) -> HttpResponse:
    membership = get_membership(request.user, agency, minimum=Role.EDITOR)
    objective = objective_in(membership, slug, pk)
    form = KPIForm(request.POST or None, objective=objective)
    if (
        request.method == "POST"
        and form.is_valid()
        and (kpi := save_form(form, services.kpi_create, objective=objective, by=request.user))
    ):
        if not request.htmx:
            messages.success(request, f"KPI added: {kpi.name}")
            return redirect(f"{objective.get_absolute_url()}#kpis")
        return kpis_section(
            request, membership, objective, announcement=f"KPI added: {kpi.name}", focus_kpi=kpi.pk
        )
    if request.htmx:  # the form opens inside the KPI section
        return kpis_section(request, membership, objective, kpi_form=form)
    return render(request, "roadmap/kpis/form.html", page_context(membership, objective, form=form))


@login_required
@require_GET
def kpi_detail(
    request: HtmxHttpRequest, agency: str, slug: str, pk: int, kpi_pk: int
) -> HttpResponse:
    membership = get_membership(request.user, agency)
    objective = objective_in(membership, slug, pk)
    kpi = kpi_in_full(objective, kpi_pk)
    template = KPI_TEMPLATE
    if request.htmx and request.htmx.target == "measurements":
        template = f"{KPI_TEMPLATE}#measurements"
    return render(request, template, kpi_page_context(membership, kpi))


@login_required
@require_http_methods(["GET", "POST"])
def kpi_edit(
    request: HtmxHttpRequest, agency: str, slug: str, pk: int, kpi_pk: int
) -> HttpResponse:
    membership = get_membership(request.user, agency, minimum=Role.EDITOR)
    kpi = kpi_in(membership, slug, pk, kpi_pk)
    objective = kpi.objective
    # The form changes a copy: the page keeps naming the KPI as saved until it is.
    form = KPIForm(
        request.POST or None,
        instance=copy(kpi),
        objective=objective,
        auto_id=INLINE_EDIT_IDS if request.htmx else "id_%s",
    )
    if (
        request.method == "POST"
        and form.is_valid()
        and save_form(form, services.kpi_update, kpi=kpi, by=request.user)
    ):
        message = f"KPI saved: {kpi.name}"
        if not request.htmx:
            messages.success(request, message)
            return redirect(kpi.get_absolute_url())
        return kpis_section(
            request, membership, objective, announcement=message, focus_change=kpi.pk
        )
    if request.htmx and (request.method == "POST" or request.htmx.target == "kpis"):
        return kpis_section(request, membership, objective, edit_form=form)
    template = "roadmap/kpis/form.html"
    return render(
        request,
        f"{template}#edit-row" if request.htmx else template,
        page_context(membership, objective, form=form, kpi=kpi),
    )


@login_required
@require_POST
def kpi_move(
    request: HtmxHttpRequest, agency: str, slug: str, pk: int, kpi_pk: int
) -> HttpResponse:
    membership = get_membership(request.user, agency, minimum=Role.EDITOR)
    kpi = kpi_in(membership, slug, pk, kpi_pk)
    move = requested_move(request)
    result = services.kpi_move(kpi=kpi, move=move)
    objective = kpi.objective
    if not request.htmx:
        return redirect(f"{objective.get_absolute_url()}#kpi-{kpi.pk}")
    return kpis_section(
        request,
        membership,
        objective,
        announcement=move_announcement(kpi.name, move, result),
        moved_pk=kpi.pk,
        moved=move.value,
    )


@login_required
@require_http_methods(["GET", "POST"])
def kpi_delete(
    request: HtmxHttpRequest, agency: str, slug: str, pk: int, kpi_pk: int
) -> HttpResponse:
    membership = get_membership(request.user, agency, minimum=Role.EDITOR)
    kpi = kpi_in(membership, slug, pk, kpi_pk)
    objective = kpi.objective
    if request.method == "POST":
        services.kpi_delete(kpi=kpi)
        if not request.htmx:
            messages.success(request, f"KPI deleted: {kpi.name}")
            return redirect(f"{objective.get_absolute_url()}#kpis")
        return kpis_section(
            request, membership, objective, announcement=f"KPI deleted: {kpi.name}", focus_kpis=True
        )
    template = "roadmap/kpis/confirm_delete.html"
    return render(
        request,
        f"{template}#confirm-row" if request.htmx else template,
        page_context(
            membership,
            objective,
            kpi=kpi,
            measurement_count=kpi.measurements.count(),
            back_url=way_back(request, objective) or kpi.get_absolute_url(),
        ),
    )
