"""Template helpers for initiatives and the plan.

{% load initiatives %}
{{ initiative.capital_cost|money:agency }}     -> "£1,250,000"
{{ initiative.start_month|month }}             -> "March 2026"
{% initiative_status initiative %}              -> the status and RAG in words
"""

from datetime import date
from decimal import Decimal

from django import template
from django.urls import reverse
from django.utils.html import format_html

from ui.formatting import format_month

register = template.Library()


@register.filter
def money(amount: Decimal | None, organisation) -> str:
    if amount is None:
        return "Not estimated"
    return organisation.format_money(amount)


@register.filter
def month(day: date | None) -> str:
    """A month as people write it: "March 2026"."""
    return format_month(day) if day else ""


@register.simple_tag
def initiative_status(initiative) -> str:
    """The status, and the RAG when it is not green, in words: never colour alone."""
    status = format_html(
        '<span class="tag tag--initiative-{}">{}</span>',
        initiative.status,
        initiative.get_status_display(),
    )
    if initiative.rag == "green":
        return status
    return format_html(
        '{} <span class="rag rag--{}">{}</span>',
        status,
        initiative.rag,
        initiative.get_rag_display(),
    )


@register.filter
def download(roadmap, file: str) -> str:
    """`{{ roadmap|download:"risks.xlsx" }}`: the address of one of the plan's tables
    as a file (views.initiatives.plan_download)."""
    table, _, file_format = file.partition(".")
    return reverse(
        "roadmap:plan-download",
        kwargs={**roadmap.url_kwargs(), "table": table, "file_format": file_format},
    )
