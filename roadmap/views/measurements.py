"""A KPI's measurements, an inline list on the KPI's page (ui/inline_list.py),
in the order of their dates (so they do not move). Every write answers with
the page's `measurements` section: status, chart and table together, so all
three change at once."""

from typing import Any

from agencies.models import Membership
from ui.concurrency import save_form
from ui.formatting import format_date
from ui.http import HtmxHttpRequest
from ui.inline_list import InlineList

from ..forms.measurements import MeasurementForm
from ..models import KPI, Measurement
from ..selectors.kpis import kpi_in, kpi_in_full
from ..selectors.measurements import measurement_for
from ..services import measurements as services
from .kpis import KPI_TEMPLATE, kpi_page_context
from .lists import list_membership


class Measurements(InlineList):
    noun = "measurement"
    section = "measurements"
    section_template = KPI_TEMPLATE
    form_template = "roadmap/measurements/form.html"
    confirm_template = "roadmap/measurements/confirm_delete.html"
    form_class = MeasurementForm
    movable = False
    services = services
    parent_arg = "kpi"

    def parent(
        self,
        request: HtmxHttpRequest,
        *,
        write: bool,
        agency: str,
        slug: str,
        pk: int,
        kpi_pk: int,
        **_: Any,
    ) -> tuple[Membership, KPI]:
        membership = list_membership(request, agency, write=write)
        return membership, kpi_in(membership, slug, pk, kpi_pk)

    def item(
        self, membership: Membership, kpi: KPI, *, measurement_pk: int, **_: Any
    ) -> Measurement:
        return measurement_for(kpi, measurement_pk)

    def section_context(self, membership: Membership, kpi: KPI) -> dict[str, Any]:
        """The KPI's page, freshly read, with its measurements."""
        return kpi_page_context(membership, kpi_in_full(kpi.objective, kpi.pk))

    def form_kwargs(self, kpi: KPI) -> dict[str, Any]:
        return {"kpi": kpi}

    def create(self, form, kpi: KPI, by) -> Measurement | None:
        return save_form(form, services.measurement_record, kpi=kpi, entered_by=by)

    def page_url(self, kpi: KPI) -> str:
        return kpi.get_absolute_url()

    def list_url(self, kpi: KPI) -> str:
        return kpi.address("roadmap:measurement-list")

    def label(self, measurement: Measurement) -> str:
        return format_date(measurement.date)

    def message(self, done: str, measurement: Measurement) -> str:
        day = format_date(measurement.date)
        return (
            f"Measurement added for {day}." if done == "added" else f"Measurement for {day} {done}."
        )


measurement_list = Measurements()
