"""The form for one measurement of a KPI. The value is typed as text, so a value
the browser would refuse silently (a comma, a letter) gets a clear message."""

from datetime import date

from django import forms

from ui.concurrency import RevisionFormMixin
from ui.dates import DayMonthYearField
from ui.formatting import format_date
from ui.forms import (
    NoSilentTruncationMixin,
    number_errors,
    number_input,
)

from ..models import (
    KPI,
    Measurement,
)


class MeasurementForm(RevisionFormMixin, NoSilentTruncationMixin, forms.ModelForm):
    class Meta:
        model = Measurement
        fields = ["value_qualifier", "value", "date", "source", "note"]
        labels = {"note": "Note", "value_qualifier": "The value is", "source": "Source"}
        help_texts = {
            "note": "Anything that explains the figure, for example a data change.",
            "value_qualifier": "As published: “more than 100” is judged as 100.",
        }
        error_messages = {
            "value": number_errors("value"),
            "value_qualifier": {"invalid_choice": "Choose how the value is given."},
        }
        widgets = {"value": number_input()}
        field_classes = {"date": DayMonthYearField}  # typed as day, month and year

    def __init__(self, *args, kpi: KPI, **kwargs):
        super().__init__(*args, **kwargs)
        self.kpi = kpi
        if kpi.unit:
            self.fields["value"].label = f"Value ({kpi.unit})"
        # An older form sends no qualifier: the value is exact.
        self.fields["value_qualifier"].required = False

    def clean_value_qualifier(self) -> str:
        return self.cleaned_data["value_qualifier"] or "exactly"

    def clean_value(self):
        value = self.cleaned_data["value"]
        self.kpi.check_whole(value, "Value")
        return value

    def clean_date(self) -> date:
        day = self.cleaned_data["date"]
        self.kpi.check_measurement_date(day)
        same_day = self.kpi.measurements.filter(date=day)
        if self.instance.pk:
            same_day = same_day.exclude(pk=self.instance.pk)
        if same_day.exists():
            raise forms.ValidationError(
                f"There is already a measurement on {format_date(day)}: change that one instead."
            )
        return day
