from dataclasses import dataclass

from django import template
from django.forms import BoundField

from ui.dates import PART_WIDTHS, DayMonthYearField

register = template.Library()

PART_LABELS = {"day": "Day", "month": "Month", "year": "Year"}


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


@register.filter
def is_date_input(field: BoundField) -> bool:
    """A date typed in parts (ui/dates.py), shown with components/date_input.html."""
    return isinstance(field.field, DayMonthYearField)


@dataclass(frozen=True)
class DatePart:
    name: str  # the posted name, <name>_day...
    id: str
    label: str  # Day, Month, Year
    value: str  # as typed, or the stored date's part
    width: int  # in characters
    wrong: bool


@register.filter
def date_parts(field: BoundField) -> list[DatePart]:
    """The boxes of a date input, each with what to show and whether it is wrong."""
    value = field.value()
    context = field.field.widget.get_context(field.html_name, value, {"id": field.auto_id})
    wrong = field.field.wrong_parts(value, bool(field.errors))
    return [
        DatePart(
            name=box["name"],
            id=box["attrs"]["id"],
            label=PART_LABELS[part],
            value="" if box["value"] is None else str(box["value"]),
            width=PART_WIDTHS[part],
            wrong=part in wrong,
        )
        for part, box in zip(field.field.parts, context["widget"]["subwidgets"], strict=True)
    ]


@register.filter
def error_anchor(field: BoundField) -> str:
    """Where the error summary's link for `field` goes: the field, or for a date
    input its first wrong part."""
    if is_date_input(field):
        for part in date_parts(field):
            if part.wrong:
                return part.id
    return field.auto_id
