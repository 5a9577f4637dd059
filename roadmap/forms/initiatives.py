"""The forms for an initiative and for one of its dependencies."""

from django import forms

from agencies.access import agency_members
from ui.concurrency import RevisionFormMixin
from ui.dates import MonthYearField
from ui.forms import (
    MemberChoiceField,
    NoSilentTruncationMixin,
    number_input,
    refuse_duplicate_title,
)

from ..models import Initiative
from ..rules.initiatives import initiative_problems
from ..services.initiatives import DUPLICATE, FIELDS
from .sponsors import SPONSOR_LABELS, SponsorFieldsMixin


class InitiativeForm(
    RevisionFormMixin, SponsorFieldsMixin, NoSilentTruncationMixin, forms.ModelForm
):
    class Meta:
        model = Initiative
        fields = [*FIELDS[:3], "objectives", *FIELDS[3:]]
        field_classes = {"start_month": MonthYearField, "end_month": MonthYearField}
        labels = {
            **SPONSOR_LABELS,
            "percent_complete": "Per cent complete",
            "value": "Value",
            "effort": "Effort",
        }
        help_texts = {
            "title": "What will be done, in a few words.",
            "summary": "What it changes, for whom, and how.",
        }
        error_messages = {
            "title": {"required": "Enter a title."},
            "component": {"required": "Choose a component."},
            "start_month": {"required": "Enter the start month."},
            "end_month": {"required": "Enter the end month."},
        }
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 3}),
            "benefits": forms.Textarea(attrs={"rows": 3}),
            "objectives": forms.CheckboxSelectMultiple,
            "status": forms.RadioSelect,
            "rag": forms.RadioSelect,
            "funding_status": forms.RadioSelect,
            "benefit_type": forms.RadioSelect,
            "confidence": forms.RadioSelect,
            "percent_complete": number_input(),
            "capital_cost": number_input(),
            "operating_cost": number_input(),
        }

    def __init__(self, *args, roadmap, **kwargs):
        super().__init__(*args, **kwargs)
        self.roadmap = roadmap
        self.fields["component"].queryset = roadmap.components.all()
        self.fields["component"].empty_label = None
        self.fields["objectives"].queryset = roadmap.objectives.all()
        words = roadmap.objective_words  # the roadmap's own word: "Missions"
        self.fields["objectives"].label = words.plural
        self.fields["objectives"].help_text = f"The {words.lower_plural} it serves: at least one."
        members = agency_members(roadmap.organisation)
        self.fields["owner"] = MemberChoiceField(
            queryset=members,
            required=False,
            empty_label="No owner yet",
            label=self.fields["owner"].label,
            help_text=Initiative._meta.get_field("owner").help_text,
            error_messages={"invalid_choice": "Choose a member of your agency."},
        )
        self.set_up_sponsor(roadmap.organisation)
        for name in ("value", "effort"):
            self.fields[name].widget = forms.RadioSelect(choices=[(n, str(n)) for n in range(1, 6)])

    def clean_title(self) -> str:
        return refuse_duplicate_title(
            Initiative.objects.filter(roadmap=self.roadmap),
            self.instance,
            self.cleaned_data["title"],
            DUPLICATE,
        )

    def clean(self):
        cleaned = super().clean()
        problems = initiative_problems(
            start=cleaned.get("start_month"),
            end=cleaned.get("end_month"),
            rag=cleaned.get("rag") or "",
            rag_reason=cleaned.get("rag_reason", ""),
            has_member_sponsor=bool(cleaned.get("sponsor")),
            sponsor_name=cleaned.get("sponsor_name", ""),
            sponsor_role=cleaned.get("sponsor_role", ""),
            sponsor_organisation=cleaned.get("sponsor_organisation", ""),
        )
        for field, message in problems.items():
            self.add_error(field, message)
        return cleaned


class DependencyForm(forms.Form):
    """What an initiative depends on: another initiative of the roadmap."""

    prerequisite = forms.ModelChoiceField(
        queryset=Initiative.objects.none(),
        label="Depends on",
        help_text="It can start once this one has finished.",
        error_messages={
            "required": "Choose the initiative it depends on.",
            "invalid_choice": "Choose one of this roadmap's initiatives.",
        },
    )

    def __init__(self, *args, initiative: Initiative, **kwargs):
        super().__init__(*args, **kwargs)
        self.initiative = initiative
        self.fields["prerequisite"].empty_label = "Choose an initiative"
        self.fields["prerequisite"].queryset = initiative.roadmap.initiatives.exclude(
            pk__in=[initiative.pk, *initiative.depends_on.values_list("pk", flat=True)]
        ).order_by("title")


SORTS = {
    "component": ("By component", None),
    "priority": ("Highest priority first", lambda i: (-i.priority_score, i.start_month)),
    "start": ("Starting first", lambda i: (i.start_month, i.end_month, i.title.lower())),
    "end": ("Ending first", lambda i: (i.end_month, i.start_month, i.title.lower())),
    "title": ("By title", lambda i: i.title.lower()),
}


class InitiativeFilterForm(forms.Form):
    """The list's filters and sort order, read from the address so a view can be
    shared. Anything unknown is ignored: the list shows everything."""

    component = forms.ModelChoiceField(queryset=None, required=False, empty_label="All")
    objective = forms.ModelChoiceField(queryset=None, required=False, empty_label="All")
    status = forms.ChoiceField(required=False)
    owner = MemberChoiceField(queryset=None, required=False, empty_label="Anyone")
    sort = forms.ChoiceField(
        required=False, choices=[(key, label) for key, (label, _) in SORTS.items()]
    )

    def __init__(self, data=None, *, roadmap):
        super().__init__(data)
        self.fields["component"].queryset = roadmap.components.all()
        self.fields["objective"].queryset = roadmap.objectives.all()
        self.fields["objective"].label = roadmap.objective_words.singular
        self.fields["status"].choices = [("", "All"), *Initiative._meta.get_field("status").choices]
        self.fields["owner"].queryset = agency_members(roadmap.organisation)

    def initiatives(self, initiatives) -> list[Initiative]:
        chosen = self.cleaned_data if self.is_valid() else {}
        if chosen.get("component"):
            initiatives = initiatives.filter(component=chosen["component"])
        if chosen.get("objective"):
            initiatives = initiatives.filter(objectives=chosen["objective"])
        if chosen.get("status"):
            initiatives = initiatives.filter(status=chosen["status"])
        if chosen.get("owner"):
            initiatives = initiatives.filter(owner=chosen["owner"])
        rows = list(initiatives)
        _, key = SORTS.get(chosen.get("sort") or "component")
        return sorted(rows, key=key) if key else rows

    @property
    def active(self) -> bool:
        return self.is_valid() and any(
            self.cleaned_data.get(name) for name in ("component", "objective", "status", "owner")
        )
