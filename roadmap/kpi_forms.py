"""Forms for KPIs and their measurements. Numbers are typed as text, so a value
the browser would refuse silently (a comma, a letter) gets a clear message."""

from datetime import date
from decimal import Decimal

from django import forms

from agencies.forms import NoSilentTruncationMixin

from .forms import MemberChoiceField, agency_members
from .kpi_services import KPI_FIELDS
from .kpi_status import format_date
from .models import KPI, Measurement, Objective


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class NumberInput(forms.TextInput):
    """A number typed as text. A stored value shows as people write it, "43.5"
    rather than the database's "43.5000"; what the user typed shows as typed."""

    def format_value(self, value):
        if isinstance(value, Decimal) and value.is_finite():
            value = f"{value.normalize():f}"
        return super().format_value(value)


def number_input() -> forms.TextInput:
    return NumberInput(attrs={"inputmode": "decimal", "autocomplete": "off"})


def number_errors(what: str, example: str = "42 or 12.5") -> dict[str, str]:
    return {
        "required": f"Enter the {what}.",
        "invalid": f"Enter the {what} as a number, for example {example}.",
        "max_digits": f"Enter the {what} with at most 14 digits before the decimal point.",
        "max_decimal_places": f"Enter the {what} with at most 4 decimal places.",
        "max_whole_digits": f"Enter the {what} with at most 14 digits before the decimal point.",
    }


def date_errors(what: str) -> dict[str, str]:
    return {"required": f"Enter the {what}.", "invalid": f"Enter the {what} as a real date."}


class KPIForm(NoSilentTruncationMixin, forms.ModelForm):
    class Meta:
        model = KPI
        fields = list(KPI_FIELDS)
        labels = {
            "direction": "Which way is better?",
            "baseline_value": "Baseline value",
            "target_value": "Target value",
        }
        help_texts = {
            "name": "For example 'Applications completed online'.",
            "data_source": "Where the figure comes from, for example 'Case management system'.",
        }
        error_messages = {
            "name": {"required": "Enter a name for the KPI."},
            "baseline_value": number_errors("baseline value"),
            "target_value": number_errors("target value"),
            "baseline_date": date_errors("baseline date"),
            "target_date": date_errors("target date"),
            "direction": {"invalid_choice": "Choose whether higher or lower is better."},
            "reporting_frequency": {"invalid_choice": "Choose how often it is reported."},
        }
        widgets = {
            "definition": forms.Textarea(attrs={"rows": 2}),
            "direction": forms.RadioSelect,
            "baseline_value": number_input(),
            "target_value": number_input(),
            "baseline_date": DateInput(),
            "target_date": DateInput(),
        }

    def __init__(self, *args, objective: Objective, **kwargs):
        super().__init__(*args, **kwargs)
        self.objective = objective
        self.fields["owner"] = MemberChoiceField(
            queryset=agency_members(objective.roadmap.organisation),
            required=False,
            empty_label="No owner yet",
            error_messages={"invalid_choice": "Choose a member of your agency."},
        )

    def clean_name(self) -> str:
        name = self.cleaned_data["name"].strip()
        duplicates = KPI.objects.filter(objective=self.objective, name__iexact=name)
        if self.instance.pk:
            duplicates = duplicates.exclude(pk=self.instance.pk)
        if duplicates.exists():
            raise forms.ValidationError("This objective already has a KPI with that name.")
        return name

    def clean(self):
        cleaned = super().clean()
        baseline_value, target_value = cleaned.get("baseline_value"), cleaned.get("target_value")
        if (
            baseline_value is not None
            and target_value is not None
            and baseline_value == target_value
        ):
            self.add_error(
                "target_value",
                "The target must differ from the baseline: a KPI measures a change.",
            )
        baseline_date, target_date = cleaned.get("baseline_date"), cleaned.get("target_date")
        if baseline_date and target_date and target_date <= baseline_date:
            self.add_error(
                "target_date",
                f"The target date must be after the baseline date ({format_date(baseline_date)}).",
            )
        if baseline_date and self.instance.pk:
            earlier = self.instance.measurements.filter(date__lt=baseline_date).count()
            if earlier:
                self.add_error(
                    "baseline_date",
                    f"{earlier} measurement{'s are' if earlier > 1 else ' is'} dated before "
                    f"{format_date(baseline_date)}: move the baseline no later than the first "
                    "measurement, or delete the earlier ones first.",
                )
        return cleaned


class MeasurementForm(NoSilentTruncationMixin, forms.ModelForm):
    class Meta:
        model = Measurement
        fields = ["value", "date", "note"]
        labels = {"note": "Note"}
        help_texts = {"note": "Anything that explains the figure, for example a data change."}
        error_messages = {"value": number_errors("value"), "date": date_errors("date")}
        widgets = {"value": number_input(), "date": DateInput()}

    def __init__(self, *args, kpi: KPI, **kwargs):
        super().__init__(*args, **kwargs)
        self.kpi = kpi
        if kpi.unit:
            self.fields["value"].label = f"Value ({kpi.unit})"

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
