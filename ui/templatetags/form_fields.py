from django import template
from django.forms import BoundField

register = template.Library()


@register.filter
def described_widget(field: BoundField):
    """The field's widget, pointing at its hint and error message for screen readers."""
    ids = []
    if field.help_text:
        ids.append(f"{field.auto_id}_hint")
    if field.errors:
        ids.append(f"{field.auto_id}_error")
    attrs = {"aria-describedby": " ".join(ids)} if ids else {}
    return field.as_widget(attrs=attrs)
