"""Reads of a KPI's measurements."""

from django.shortcuts import get_object_or_404

from ..models import KPI, Measurement


def measurement_for(kpi: KPI, pk: int) -> Measurement:
    measurement = get_object_or_404(Measurement.objects.filter(kpi=kpi), pk=pk)
    measurement.kpi = kpi  # already loaded: no query to reach it again
    return measurement
