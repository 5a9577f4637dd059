"""A KPI's charts, drawn from its (prefetched) measurements: the same calls serve
the web pages (through the `kpis` template tags) and the PDF report."""

from django.utils.safestring import SafeString

from .charts import kpi_chart_svg, kpi_sparkline_svg
from .models import KPI


def _plan(kpi: KPI) -> dict:
    return {
        "points": [(m.date, m.value) for m in kpi.measurements.all()],
        "baseline": (kpi.baseline_date, kpi.baseline_value),
        "target": (kpi.target_date, kpi.target_value),
        "unit": kpi.unit,
    }


def kpi_chart(kpi: KPI, *, description: str, width: int, height: int, id_prefix: str) -> SafeString:
    """The full trend chart: measurements against the planned line and the target."""
    return kpi_chart_svg(
        **_plan(kpi),
        title=f"{kpi.name}: measurements against the plan",
        description=description,
        width=width,
        height=height,
        id_prefix=id_prefix,
    )


def kpi_sparkline(kpi: KPI) -> SafeString:
    """The small trend line for lists."""
    return kpi_sparkline_svg(
        **_plan(kpi), title=f"Trend of {kpi.name}", id_prefix=f"kpi-{kpi.pk}-spark"
    )
