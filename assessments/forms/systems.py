"""The form for a system of the inventory, and the inventory's filters."""

from django import forms
from django.utils import timezone

from ui.concurrency import RevisionFormMixin
from ui.forms import NoSilentTruncationMixin, number_errors, number_input, refuse_duplicate_title

from ..models import Criticality, Hosting, LifecycleDecision, System
from ..rules.inventory import EARLIEST_YEAR, cost_problem, year_problem
from ..services.systems import DUPLICATE, FIELDS


def choose(what: str) -> dict[str, str]:
    return {"required": f"Choose {what}.", "invalid_choice": f"Choose {what} from the list."}


class SystemForm(RevisionFormMixin, NoSilentTruncationMixin, forms.ModelForm):
    class Meta:
        model = System
        fields = list(FIELDS)
        labels = {
            "name": "Name",
            "main_technology": "Main technology",
            "condition": "Condition",
            "user_count": "Number of users",
            "annual_cost": "Annual running cost",
        }
        help_texts = {
            "name": "What people call it: “Benefits mainframe”.",
            "main_technology": "For example COBOL on z/OS, Java, Microsoft Dynamics.",
            "year_introduced": f"A year from {EARLIEST_YEAR} to this year.",
            "lifecycle": "Tolerate, invest, migrate or eliminate.",
            "annual_cost": "In the agency's currency, a year, without the symbol.",
        }
        error_messages = {
            "name": {"required": "Enter the system's name."},
            "hosting": choose("how it is hosted"),
            "lifecycle": choose("the lifecycle decision"),
            "criticality": choose("the business criticality"),
            "data_classification": choose("the data classification"),
            "condition": {
                "required": "Choose the condition, from 1 (poor) to 5 (excellent).",
                "invalid_choice": "Choose the condition, from 1 (poor) to 5 (excellent).",
            },
            "year_introduced": {"invalid": "Enter the year as 4 numbers, for example 1987."},
            "user_count": {"invalid": "Enter the number of users as a whole number, like 250."},
            "annual_cost": number_errors("annual running cost", "125000 or 9999.50"),
        }
        widgets = {
            "purpose": forms.Textarea(attrs={"rows": 2}),
            "year_introduced": forms.TextInput(
                attrs={"inputmode": "numeric", "class": "input--short"}
            ),
            "user_count": forms.TextInput(attrs={"inputmode": "numeric", "class": "input--short"}),
            "annual_cost": number_input(),
        }

    def __init__(self, *args, roadmap, **kwargs):
        super().__init__(*args, **kwargs)
        self.roadmap = roadmap
        self.fields["condition"] = forms.TypedChoiceField(
            coerce=int,
            choices=[(n, f"{n} {label}") for n, label in CONDITION_LABELS.items()],
            widget=forms.RadioSelect,
            label="Condition",
            help_text="How well it works today.",
            error_messages=self._meta.error_messages["condition"],
        )
        for name in ("hosting", "lifecycle", "criticality"):
            field = self.fields[name]
            field.choices = [("", "Choose…"), *(c for c in field.choices if c[0] != "")]

    def clean_name(self) -> str:
        return refuse_duplicate_title(
            System.objects.filter(roadmap=self.roadmap),
            self.instance,
            self.cleaned_data["name"],
            DUPLICATE,
            field="name",
        )

    def clean_year_introduced(self):
        year = self.cleaned_data.get("year_introduced")
        problem = year_problem(year, this_year=timezone.localdate().year)
        if problem:
            raise forms.ValidationError(problem)
        return year

    def clean_annual_cost(self):
        cost = self.cleaned_data.get("annual_cost")
        problem = cost_problem(cost)
        if problem:
            raise forms.ValidationError(problem)
        return cost


CONDITION_LABELS = {1: "Poor", 2: "Weak", 3: "Adequate", 4: "Good", 5: "Excellent"}


class SystemFilterForm(forms.Form):
    """The inventory's filters, read from the address so a view can be shared.
    Anything unknown is ignored: the list shows everything."""

    hosting = forms.ChoiceField(required=False, choices=[("", "All"), *Hosting.choices])
    lifecycle = forms.ChoiceField(
        required=False,
        label="Lifecycle decision",
        choices=[("", "All"), *LifecycleDecision.choices],
    )
    criticality = forms.ChoiceField(
        required=False, label="Business criticality", choices=[("", "All"), *Criticality.choices]
    )

    def __init__(self, data=None):
        super().__init__(data, auto_id="filter-%s")

    def systems(self, systems: list[System]) -> list[System]:
        chosen = self.cleaned_data if self.is_valid() else {}
        return [
            system
            for system in systems
            if all(
                not chosen.get(name) or getattr(system, name) == chosen[name]
                for name in ("hosting", "lifecycle", "criticality")
            )
        ]

    @property
    def active(self) -> bool:
        return self.is_valid() and any(self.cleaned_data.values())
