"""Record, change and delete a KPI's measurements, on the KPI's page.

Inline (htmx) writes answer with the page's `measurements` section (status,
chart and table together, so all three change at once); without JavaScript
each write is a plain page and a redirect.
"""

from copy import copy

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from agencies.access import get_membership
from agencies.models import Membership, Role
from ui.concurrency import save_form
from ui.formatting import format_date
from ui.http import HtmxHttpRequest

from ..forms.measurements import MeasurementForm
from ..models import KPI
from ..selectors.kpis import kpi_in, kpi_in_full
from ..selectors.measurements import measurement_for
from ..services import measurements as services
from .kpis import (
    INLINE_EDIT_IDS,
    KPI_TEMPLATE,
    kpi_page_context,
    page_context,
)


def measurements_section(
    request: HtmxHttpRequest, membership: Membership, kpi: KPI, **extra: object
) -> HttpResponse:
    """The KPI page's `measurements` section (status, chart and table), freshly read."""
    kpi = kpi_in_full(kpi.objective, kpi.pk)
    return render(
        request, f"{KPI_TEMPLATE}#measurements", kpi_page_context(membership, kpi, **extra)
    )


@login_required
@require_http_methods(["GET", "POST"])
def measurement_create(
    request: HtmxHttpRequest, agency: str, slug: str, pk: int, kpi_pk: int
) -> HttpResponse:
    membership = get_membership(request.user, agency, minimum=Role.EDITOR)
    kpi = kpi_in(membership, slug, pk, kpi_pk)
    form = MeasurementForm(request.POST or None, kpi=kpi)
    if (
        request.method == "POST"
        and form.is_valid()
        and (
            measurement := save_form(
                form, services.measurement_record, kpi=kpi, entered_by=request.user
            )
        )
    ):
        if not request.htmx:
            messages.success(request, f"Measurement added for {format_date(measurement.date)}.")
            return redirect(f"{kpi.get_absolute_url()}#measurements")
        return measurements_section(
            request,
            membership,
            kpi,
            announcement=f"Measurement added for {format_date(measurement.date)}.",
        )
    if request.htmx:
        return measurements_section(request, membership, kpi, measurement_form=form)
    return render(
        request,
        "roadmap/measurements/form.html",
        page_context(membership, kpi.objective, kpi=kpi, form=form),
    )


@login_required
@require_http_methods(["GET", "POST"])
def measurement_edit(
    request: HtmxHttpRequest, agency: str, slug: str, pk: int, kpi_pk: int, measurement_pk: int
) -> HttpResponse:
    membership = get_membership(request.user, agency, minimum=Role.EDITOR)
    kpi = kpi_in(membership, slug, pk, kpi_pk)
    measurement = measurement_for(kpi, measurement_pk)
    form = MeasurementForm(
        request.POST or None,
        instance=copy(measurement),
        kpi=kpi,
        auto_id=INLINE_EDIT_IDS if request.htmx else "id_%s",
    )
    if (
        request.method == "POST"
        and form.is_valid()
        and save_form(form, services.measurement_update, measurement=measurement, by=request.user)
    ):
        message = f"Measurement for {format_date(measurement.date)} saved."
        if not request.htmx:
            messages.success(request, message)
            return redirect(f"{kpi.get_absolute_url()}#measurements")
        return measurements_section(request, membership, kpi, announcement=message)
    if request.htmx and request.method == "POST":
        return measurements_section(request, membership, kpi, edit_form=form)
    template = "roadmap/measurements/form.html"
    return render(
        request,
        f"{template}#edit-row" if request.htmx else template,
        page_context(membership, kpi.objective, kpi=kpi, measurement=measurement, form=form),
    )


@login_required
@require_http_methods(["GET", "POST"])
def measurement_delete(
    request: HtmxHttpRequest, agency: str, slug: str, pk: int, kpi_pk: int, measurement_pk: int
) -> HttpResponse:
    membership = get_membership(request.user, agency, minimum=Role.EDITOR)
    kpi = kpi_in(membership, slug, pk, kpi_pk)
    measurement = measurement_for(kpi, measurement_pk)
    if request.method == "POST":
        services.measurement_delete(measurement=measurement)
        message = f"Measurement for {format_date(measurement.date)} deleted."
        if not request.htmx:
            messages.success(request, message)
            return redirect(f"{kpi.get_absolute_url()}#measurements")
        return measurements_section(
            request, membership, kpi, announcement=message, focus_measurements=True
        )
    template = "roadmap/measurements/confirm_delete.html"
    return render(
        request,
        f"{template}#confirm-row" if request.htmx else template,
        page_context(
            membership,
            kpi.objective,
            kpi=kpi,
            measurement=measurement,
        ),
    )
