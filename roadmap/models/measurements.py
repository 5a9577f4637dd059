"""Measurements: the readings of a KPI, one a date."""

from django.conf import settings
from django.db import models

from ui.addresses import Addressed
from ui.concurrency import Revisioned

from ..rules.kpi_values import format_qualified
from .bounds import InRange
from .kpis import KPI, KPI_VALUE, qualifier_field
from .roadmaps import TITLE_MAX_LENGTH


class Measurement(Addressed, Revisioned):
    """One reading of a KPI on a date."""

    kpi = models.ForeignKey(KPI, on_delete=models.CASCADE, related_name="measurements")
    # Ranges: roadmap.rules.bounds.
    value_qualifier = qualifier_field("Value is")
    value = models.DecimalField(**KPI_VALUE, validators=[InRange("kpi_value", "a value")])
    date = models.DateField(validators=[InRange("kpi_date", "a date")])
    source = models.CharField(
        max_length=TITLE_MAX_LENGTH,
        blank=True,
        help_text="Where this figure comes from, for example “Annual report 2025, page 12”.",
    )
    note = models.CharField(max_length=500, blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["date", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["kpi", "date"], name="one_measurement_per_kpi_a_day"),
        ]

    url_name = "roadmap:measurement"

    def __str__(self) -> str:
        return f"{self.kpi}: {self.value_text} on {self.date}"

    @property
    def value_text(self) -> str:
        """ "more than 100 services": the value as published, with its qualifier."""
        return format_qualified(self.value, self.kpi.unit, self.value_qualifier)

    def url_kwargs(self) -> dict[str, str | int]:
        return {**self.kpi.url_kwargs(), "measurement_pk": self.pk}
