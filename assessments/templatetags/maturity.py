"""Levels as shown everywhere: {{ value|level }} -> "2.5", "not answered";
{{ change|level_change }} -> "+0.5"; {{ spread|spread }} -> "2 to 4" or "all 3"."""

from django import template

from ..rules.results import Spread, level_text

register = template.Library()


@register.filter
def level(value) -> str:
    return level_text(value)


@register.filter
def level_change(value) -> str:
    return "no earlier answer" if value is None else level_text(value, signed=True)


@register.filter
def spread(value: Spread | None) -> str:
    if value is None:
        return "none"
    if value.low == value.high:
        return f"all {value.low}"
    return f"{value.low} to {value.high}"
