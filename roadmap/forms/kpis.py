"""The form for a KPI. Numbers are typed as text, so a value the browser would
refuse silently (a comma, a letter) gets a clear message."""

from datetime import date

from django import forms

from agencies.access import agency_members
from ui.concurrency import RevisionFormMixin
from ui.dates import RoughDateField, read_rough_date, rough_date_parts
from ui.formatting import format_value
from ui.forms import (
    MemberChoiceField,
    NoSilentTruncationMixin,
    number_errors,
    number_input,
)
from ui.periods import PRECISION_CHOICES, Precision

from ..models import (
    KPI,
    Objective,
)
from ..rules.kpi_status import KEEP_YEAR, plan_problems, year_outside_horizon
from ..rules.kpi_values import COMMITMENT_TEXT, looks_like_commitment
from ..services.kpis import KPI_FIELDS


class KPIForm(RevisionFormMixin, NoSilentTruncationMixin, forms.ModelForm):
    class Meta:
        model = KPI
        fields = list(KPI_FIELDS)
        labels = {
            "direction": "Which way is better?",
            "baseline_value": "Baseline value",
            "target_value": "Target value",
            "baseline_qualifier": "The baseline value is",
            "target_qualifier": "The target value is",
            "baseline_precision": "The baseline date is",
            "target_precision": "The target date is",
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
            "baseline_qualifier": {"invalid_choice": "Choose how the baseline value is given."},
            "target_qualifier": {"invalid_choice": "Choose how the target value is given."},
        }
        widgets = {
            "definition": forms.Textarea(attrs={"rows": 2}),
            "direction": forms.RadioSelect,
            "unit_kind": forms.RadioSelect,
            "baseline_value": number_input(),
            "target_value": number_input(),
            "baseline_precision": forms.RadioSelect,
            "target_precision": forms.RadioSelect,
        }
        # Typed as day, month and year at the precision chosen beside them; the
        # messages name the date ("baseline date").
        field_classes = {"baseline_date": RoughDateField, "target_date": RoughDateField}

    # Shown (and then needed) only when the KPI looks like a yes/no commitment.
    is_a_measure = forms.BooleanField(
        label="This is a measure that moves step by step, not a yes/no commitment",
        required=False,
    )
    # Shown when a year-precision target is outside the roadmap's horizon: a
    # warning, so ticking it keeps the year (the services are told so too).
    beyond_horizon = forms.BooleanField(label=KEEP_YEAR, required=False)

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
        for prefix in ("baseline", "target"):
            # A request that sends no precision (an older form) means an exact day.
            self.fields[f"{prefix}_precision"].required = False
            self.fields[f"{prefix}_precision"].choices = PRECISION_CHOICES
            self.fields[f"{prefix}_qualifier"].required = False
            day = getattr(self.instance, f"{prefix}_date")
            if day is not None and not self.is_bound:
                precision = getattr(self.instance, f"{prefix}_precision")
                self.initial[f"{prefix}_date"] = rough_date_parts(day, precision)
        self.commitment_warning = ""
        self.commitment_kind = ""
        # Once kept, a year outside the horizon stays kept when the KPI is edited.
        self.horizon = objective.roadmap.horizon_years
        self.horizon_warning = not self.is_bound and year_outside_horizon(
            self.instance.target_date, self.instance.target_precision, self.horizon
        )
        if self.horizon_warning:
            self.initial["beyond_horizon"] = True

    def clean_baseline_precision(self) -> str:
        return self.cleaned_data["baseline_precision"] or Precision.DAY

    def clean_target_precision(self) -> str:
        return self.cleaned_data["target_precision"] or Precision.DAY

    def clean_baseline_qualifier(self) -> str:
        return self.cleaned_data["baseline_qualifier"] or "exactly"

    def clean_target_qualifier(self) -> str:
        return self.cleaned_data["target_qualifier"] or "exactly"

    def _read_rough_dates(self, cleaned: dict) -> None:
        """The typed parts of each date, read at the precision chosen beside it."""
        for prefix in ("baseline", "target"):
            name = f"{prefix}_date"
            typed = cleaned.get(name)
            if not isinstance(typed, dict):
                continue
            field = self.fields[name]
            precision = cleaned.get(f"{prefix}_precision") or Precision.DAY
            result = read_rough_date(typed, precision=precision, what=field.what)
            if result is None or isinstance(result, date):
                cleaned[name] = result
            else:
                field.problem_parts = result.parts
                self.add_error(name, result.message)

    def clean_unit_kind(self) -> str:
        return self.cleaned_data["unit_kind"] or self.instance.unit_kind

    def clean_name(self) -> str:
        name = self.cleaned_data["name"].strip()
        duplicates = KPI.objects.filter(objective=self.objective, name__iexact=name)
        if self.instance.pk:
            duplicates = duplicates.exclude(pk=self.instance.pk)
        if duplicates.exists():
            raise forms.ValidationError(
                f"This {self.objective.roadmap.objective_words.lower} already has a KPI "
                "with that name."
            )
        return name

    def clean(self):
        cleaned = super().clean()
        self._read_rough_dates(cleaned)
        baseline_value, target_value = cleaned.get("baseline_value"), cleaned.get("target_value")
        baseline_date, target_date = cleaned.get("baseline_date"), cleaned.get("target_date")
        failed = {"baseline_value", "baseline_date", "target_value", "target_date"} & set(
            self.errors
        )
        for problem in plan_problems(
            baseline_value=baseline_value,
            baseline_date=baseline_date,
            target_value=target_value,
            target_date=target_date,
            baseline_unknown=bool(cleaned.get("baseline_unknown")),
            tracked=bool(cleaned.get("tracked")),
            baseline_qualifier=cleaned.get("baseline_qualifier") or "exactly",
            target_qualifier=cleaned.get("target_qualifier") or "exactly",
            baseline_precision=cleaned.get("baseline_precision") or Precision.DAY,
            target_precision=cleaned.get("target_precision") or Precision.DAY,
            horizon=None if cleaned.get("beyond_horizon") else self.horizon,
            complete=not failed,
        ):
            if problem.field not in self.errors:  # one message a field
                self.add_error(problem.field, str(problem))
                if problem.parts:  # only the wrong box of a date is marked
                    self.fields[problem.field].problem_parts = problem.parts
        self.horizon_warning = bool(cleaned.get("beyond_horizon")) or year_outside_horizon(
            target_date, cleaned.get("target_precision") or Precision.DAY, self.horizon
        )
        commitment = looks_like_commitment(baseline_value, target_value, cleaned.get("unit", ""))
        self.commitment_kind = commitment
        if commitment:
            self.commitment_warning = COMMITMENT_TEXT.format(
                target=format_value(target_value, cleaned.get("unit", ""))
            )
            # 0 -> 1 has nothing between: asked to confirm. 0 -> 100% may be a share
            # that moves step by step: said, not refused.
            if commitment == "yes_no" and not cleaned.get("is_a_measure"):
                self.add_error(
                    "is_a_measure",
                    "Record a yes/no commitment as a milestone or "
                    "an initiative, or tick this to say it is a measure.",
                )
        cleaned.pop("is_a_measure", None)  # the form's question, not the KPI's
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
