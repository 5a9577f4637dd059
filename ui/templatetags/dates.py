"""Dates shown the one way, "30 November 2026" (ui.formatting.format_date):

    {% load dates %}
    {{ kpi.baseline_date|long_date }}       -> "30 November 2026"
    {{ job.created_at|long_date_time }}     -> "30 November 2026 at 14:05"

A date-time is shown in the site's time zone. Machine formats (ISO in a
`<time datetime>` or a `<meta>`) keep Django's `|date:"c"`.
"""

from datetime import date, datetime

from django import template
from django.utils import timezone

from ui.formatting import format_date

register = template.Library()


def _local(value: datetime) -> datetime:
    return timezone.localtime(value) if timezone.is_aware(value) else value


@register.filter
def long_date(value: date | datetime | None) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, datetime):
        value = _local(value).date()
    return format_date(value)


@register.filter
def long_date_time(value: datetime | None) -> str:
    if value is None or value == "":
        return ""
    value = _local(value)
    return f"{format_date(value.date())} at {value:%H:%M}"
