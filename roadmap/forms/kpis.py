"""The form for a KPI. Numbers are typed as text, so a value the browser would
refuse silently (a comma, a letter) gets a clear message."""

from django import forms

from agencies.access import agency_members
from ui.concurrency import RevisionFormMixin
from ui.dates import DayMonthYearField
from ui.forms import (
    MemberChoiceField,
    NoSilentTruncationMixin,
    number_errors,
    number_input,
)

from ..models import (
    KPI,
    Objective,
)
from ..rules.kpi_status import plan_problems
from ..services.kpis import KPI_FIELDS


class KPIForm(RevisionFormMixin, NoSilentTruncationMixin, forms.ModelForm):
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
            "direction": {"invalid_choice": "Choose whether higher or lower is better."},
            "unit_kind": {
                "required": "Choose whether the KPI counts whole things or measures a quantity.",
                "invalid_choice": "Choose whether the KPI counts whole things or measures a "
                "quantity.",
            },
            "reporting_frequency": {"invalid_choice": "Choose how often it is reported."},
        }
        widgets = {
            "definition": forms.Textarea(attrs={"rows": 2}),
            "direction": forms.RadioSelect,
            "unit_kind": forms.RadioSelect,
            "baseline_value": number_input(),
            "target_value": number_input(),
        }
        # Typed as day, month and year; the messages name the date ("baseline date").
        field_classes = {"baseline_date": DayMonthYearField, "target_date": DayMonthYearField}

    def __init__(self, *args, objective: Objective, **kwargs):
        super().__init__(*args, **kwargs)
        self.objective = objective
        self.fields["owner"] = MemberChoiceField(
            queryset=agency_members(objective.roadmap.organisation),
            required=False,
            empty_label="No owner yet",
            error_messages={"invalid_choice": "Choose a member of your agency."},
        )
        # The radios always send one (quantity is checked to start with); a request
        # that sends none keeps the KPI's own kind.
        self.fields["unit_kind"].required = False

    def clean_unit_kind(self) -> str:
        return self.cleaned_data["unit_kind"] or self.instance.unit_kind

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
        baseline_date, target_date = cleaned.get("baseline_date"), cleaned.get("target_date")
        for problem in plan_problems(
            baseline_value=baseline_value,
            baseline_date=baseline_date,
            target_value=target_value,
            target_date=target_date,
        ):
            self.add_error(problem.field, str(problem))
        if baseline_date:
            try:
                self.instance.check_baseline_date(baseline_date)
            except forms.ValidationError as error:
                self.add_error("baseline_date", error)
        check_whole_numbers(self, self.instance, cleaned)
        return cleaned


def check_whole_numbers(form: forms.ModelForm, kpi: KPI, cleaned: dict) -> None:
    """A count KPI's baseline and target are whole numbers, and it becomes a count
    only when its measurements are (the KPI form and the admin both ask)."""
    if "unit_kind" in cleaned:
        kpi.unit_kind = cleaned["unit_kind"]
    if "unit" in cleaned:
        kpi.unit = cleaned["unit"]
    checks = [
        ("unit_kind", kpi.check_unit_kind),
        ("baseline_value", lambda: kpi.check_whole(cleaned.get("baseline_value"), "Baseline")),
        ("target_value", lambda: kpi.check_whole(cleaned.get("target_value"), "Target")),
    ]
    for field, check in checks:
        try:
            check()
        except forms.ValidationError as error:
            form.add_error(field, error)
