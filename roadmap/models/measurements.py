"""Measurements: the readings of a KPI, one a date."""

from django.conf import settings
from django.db import models

from ui.addresses import Addressed
from ui.concurrency import Revisioned

from .bounds import InRange
from .kpis import KPI, KPI_VALUE


class Measurement(Addressed, Revisioned):
    """One reading of a KPI on a date."""

    kpi = models.ForeignKey(KPI, on_delete=models.CASCADE, related_name="measurements")
    # Ranges: roadmap.rules.bounds.
    value = models.DecimalField(**KPI_VALUE, validators=[InRange("kpi_value", "a value")])
    date = models.DateField(validators=[InRange("kpi_date", "a date")])
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
        return f"{self.kpi}: {self.value} on {self.date}"

    def url_kwargs(self) -> dict[str, str | int]:
        return {**self.kpi.url_kwargs(), "measurement_pk": self.pk}
