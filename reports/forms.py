"""The export form: what the person exporting chooses (reports/options.py)."""

from django import forms
from django.utils import timezone

from ui.dates import DayMonthYearField
from ui.formatting import format_date

from .options import ReportOptions


class ExportForm(forms.Form):
    as_at = DayMonthYearField(
        label="Data as at",
        what="'as at' date",
        required=False,
        help_text="The date the figures describe, printed on the cover and in the footer "
        "beside the date the report is produced. Leave it as today unless the data is "
        "older. For example, 30 11 2026",
    )
    name_individuals = forms.BooleanField(
        label="Name individual stakeholders",
        required=False,
        help_text="Off: the stakeholders section names groups and roles only.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = timezone.localdate()
        self.fields["as_at"].initial = self.today

    def clean_as_at(self):
        as_at = self.cleaned_data.get("as_at") or self.today  # left empty: today
        if as_at > self.today:
            raise forms.ValidationError(
                f"The 'as at' date must be today ({format_date(self.today)}) or before: "
                "the report describes data that exists."
            )
        return as_at

    @property
    def options(self) -> ReportOptions:
        return ReportOptions(
            as_at=self.cleaned_data["as_at"],
            name_individuals=self.cleaned_data["name_individuals"],
        )
