"""Template helpers for KPIs: values with their unit, the status badge and the charts.

    {% load kpis %}
    {{ kpi.baseline_value|kpi_value:kpi.unit }}   -> "1,250 days"
    {% kpi_status_badge assessment %}             -> an icon and the status in words
    {% kpi_sparkline kpi %}                       -> the small trend line for a list
    {% kpi_chart kpi assessment %}                -> the full chart for the KPI page

The charts read `kpi.measurements.all()`, so a page that lists KPIs loads them
with `roadmap.selectors.kpis` (prefetched) and costs no query per KPI.
"""

from decimal import Decimal

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from ui.formatting import format_value

from ..charts import kpis as kpi_charts
from ..models import KPI
from ..rules.kpi_status import KPIAssessment, KPIStatus

register = template.Library()

# One shape per status, so the badge never relies on colour: drawn in the text
# colour (currentColor) beside the status in words, and hidden from screen
# readers, which read the words.
_ICON_SHAPES = {
    KPIStatus.NO_DATA: (
        '<circle cx="8" cy="8" r="6" fill="none" stroke="currentColor" stroke-width="2"/>'
        '<line x1="5" y1="8" x2="11" y2="8" stroke="currentColor" stroke-width="2"/>'
    ),
    KPIStatus.ON_TRACK: (
        '<circle cx="8" cy="8" r="7" fill="currentColor"/>'
        '<polyline points="4.5,8.5 7,11 11.5,5.5" fill="none" stroke="#ffffff" '
        'stroke-width="2" stroke-linecap="round" stroke-linejoin="round"/>'
    ),
    KPIStatus.AT_RISK: (
        '<polygon points="8,1 15.5,14.5 0.5,14.5" fill="currentColor"/>'
        '<line x1="8" y1="5.5" x2="8" y2="9.5" stroke="#ffffff" stroke-width="2" '
        'stroke-linecap="round"/><circle cx="8" cy="12" r="1.1" fill="#ffffff"/>'
    ),
    KPIStatus.OFF_TRACK: (
        '<rect x="1" y="1" width="14" height="14" fill="currentColor"/>'
        '<path d="M5 5 L11 11 M11 5 L5 11" stroke="#ffffff" stroke-width="2" '
        'stroke-linecap="round"/>'
    ),
    KPIStatus.NO_BASELINE: (
        '<circle cx="8" cy="8" r="6" fill="none" stroke="currentColor" stroke-width="2"/>'
        '<text x="8" y="11.5" text-anchor="middle" font-size="9" font-weight="700" '
        'fill="currentColor">?</text>'
    ),
    KPIStatus.TRACKED: (
        '<polyline points="1,12 5,7 9,10 15,3" fill="none" stroke="currentColor" '
        'stroke-width="2" stroke-linecap="round" stroke-linejoin="round"/>'
    ),
    KPIStatus.NOT_JUDGED: (
        '<rect x="1.5" y="1.5" width="13" height="13" fill="none" stroke="currentColor" '
        'stroke-width="2" stroke-dasharray="3 2"/>'
    ),
    KPIStatus.ACHIEVED: (
        '<polygon points="8,0.8 10.1,5.6 15.3,6.1 11.4,9.6 12.5,14.8 8,12.1 3.5,14.8 '
        '4.6,9.6 0.7,6.1 5.9,5.6" fill="currentColor"/>'
    ),
}


@register.filter
def kpi_value(value: Decimal | None, unit: str = "") -> str:
    """A KPI value as people write it, with its unit: "62.5%", "£1,250", "14 days"."""
    if value is None:
        return ""
    return format_value(value, unit or "")


@register.filter
def latest_text(assessment: KPIAssessment, unit: str = "") -> str:
    """The latest measurement with its qualifier: "more than 100 services"."""
    return assessment.latest_text(unit or "")


@register.simple_tag
def kpi_status_icon(status: str) -> SafeString:
    shapes = _ICON_SHAPES[KPIStatus(status)]
    return mark_safe(  # noqa: S308 - fixed markup, nothing from users
        '<svg class="kpi-status__icon" xmlns="http://www.w3.org/2000/svg" width="16" '
        f'height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">{shapes}</svg>'
    )


@register.simple_tag
def kpi_status_badge(assessment: KPIAssessment) -> SafeString:
    """The status as an icon (a shape per status) and in words."""
    status = KPIStatus(assessment.status)
    return format_html(
        '<span class="kpi-status kpi-status--{}">{}<span class="kpi-status__text">{}</span></span>',
        status.value,
        kpi_status_icon(status),
        status.label,
    )


@register.simple_tag
def kpi_overdue_flag(overdue) -> SafeString:
    """ "Overdue" beside a status (never instead of it): a clock and the word,
    with the reason for those who hover or read the title."""
    return format_html(
        '<span class="kpi-overdue" title="{}"><svg xmlns="http://www.w3.org/2000/svg" '
        'width="14" height="14" viewBox="0 0 16 16" aria-hidden="true" focusable="false">'
        '<circle cx="8" cy="8" r="6.5" fill="none" stroke="currentColor" stroke-width="2"/>'
        '<polyline points="8,4 8,8 11,10" fill="none" stroke="currentColor" stroke-width="2"/>'
        "</svg>Overdue</span>",
        overdue.reason,
    )


@register.simple_tag
def kpi_sparkline(kpi: KPI) -> SafeString:
    return kpi_charts.kpi_sparkline(kpi)


@register.simple_tag
def kpi_chart(
    kpi: KPI, assessment: KPIAssessment, *, width: int = 640, height: int = 320, name: str = ""
) -> SafeString:
    """The full chart; `name` tells apart two charts of one KPI on a page (their ids)."""
    count = len(kpi.measurements.all())
    measured = (
        f"{count} measurement{'s' if count != 1 else ''}, listed in the table below the chart."
        if count
        else "No measurements yet."
    )
    return kpi_charts.kpi_chart(
        kpi,
        description=f"{measured} {assessment.explanation}",
        width=width,
        height=height,
        id_prefix=f"kpi-{kpi.pk}-chart{'-' + name if name else ''}",
    )
