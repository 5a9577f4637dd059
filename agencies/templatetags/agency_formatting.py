"""Amounts in the agency's own currency: `{{ amount|money:agency }}` gives "£1,250"."""

from django import template

register = template.Library()


@register.filter
def money(amount, agency) -> str:
    if amount is None or amount == "":
        return "—"
    return agency.format_money(amount)
