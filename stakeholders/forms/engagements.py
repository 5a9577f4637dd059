"""The forms of the engagement log: an interaction, a follow-up, the log's filters."""

from django import forms

from agencies.access import agency_members
from ui.concurrency import RevisionFormMixin
from ui.dates import DayMonthYearField
from ui.forms import MemberChoiceField, NoSilentTruncationMixin

from ..models import FollowUp, Interaction, InteractionKind
from ..rules.engagements import (
    SENTIMENT_MESSAGE,
    SENTIMENT_WORDS,
    follow_up_due_problem,
    interaction_date_problem,
    sentiment_number,
)
from ..services.engagements import FOLLOW_UP_FIELDS, INTERACTION_FIELDS
from .communications import AudienceField

ROADMAP_STAKEHOLDERS = "Choose stakeholders and groups of this roadmap."


class InteractionForm(RevisionFormMixin, NoSilentTruncationMixin, forms.ModelForm):
    class Meta:
        model = Interaction
        fields = [*INTERACTION_FIELDS, "stakeholders"]
        field_classes = {"occurred_on": DayMonthYearField}
        labels = {"occurred_on": "Date", "kind": "Type", "sentiment": "How it went"}
        help_texts = {
            "occurred_on": "For example, 27 3 2027.",
            "summary": "What was said and agreed.",
        }
        error_messages = {
            "summary": {"required": "Enter a summary."},
            "kind": {"required": "Choose the type of interaction."},
        }
        widgets = {"summary": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, roadmap, **kwargs):
        super().__init__(*args, **kwargs)
        self.roadmap = roadmap
        self.fields["occurred_on"].error_messages["required"] = "Enter the date."
        self.fields["kind"].choices = [("", "Choose a type"), *InteractionKind.choices]
        self.fields["stakeholders"] = AudienceField(
            queryset=roadmap.stakeholders.order_by("kind", "name", "pk"),
            widget=forms.CheckboxSelectMultiple,
            label="Stakeholders involved",
            error_messages={
                "required": "Choose at least one stakeholder.",
                "invalid_choice": ROADMAP_STAKEHOLDERS,
                "invalid_pk_value": ROADMAP_STAKEHOLDERS,
            },
        )
        self.fields["sentiment"] = forms.TypedChoiceField(
            coerce=int,
            choices=[
                (value, f"{words} ({sentiment_number(value)})")
                for value, words in SENTIMENT_WORDS.items()
            ],
            widget=forms.RadioSelect,
            label="How it went",
            help_text="The stakeholders' sentiment towards the roadmap.",
            initial=0,
            error_messages={"required": SENTIMENT_MESSAGE, "invalid_choice": SENTIMENT_MESSAGE},
        )

    def clean_occurred_on(self):
        occurred_on = self.cleaned_data.get("occurred_on")
        if occurred_on and self.instance.pk:
            dates = [f.due_on for f in self.instance.follow_ups.all() if f.due_on]
            problem = interaction_date_problem(
                occurred_on=occurred_on, earliest_due=min(dates, default=None)
            )
            if problem:
                raise forms.ValidationError(problem)
        return occurred_on


class FollowUpForm(RevisionFormMixin, NoSilentTruncationMixin, forms.ModelForm):
    class Meta:
        model = FollowUp
        fields = list(FOLLOW_UP_FIELDS)
        field_classes = {"due_on": DayMonthYearField}
        labels = {"action": "Action", "due_on": "Due date", "done": "It is done"}
        help_texts = {
            "action": "What will be done: “Send the costed options”.",
            "due_on": "For example, 27 3 2027. On or after the interaction's date.",
        }
        error_messages = {"action": {"required": "Enter the action."}}

    def __init__(self, *args, interaction, **kwargs):
        super().__init__(*args, **kwargs)
        self.interaction = interaction
        self.fields["owner"] = MemberChoiceField(
            queryset=agency_members(interaction.roadmap.organisation),
            required=False,
            empty_label="No owner yet",
            label="Owner",
            error_messages={"invalid_choice": "Choose a member of your agency."},
        )

    def clean_due_on(self):
        due_on = self.cleaned_data.get("due_on")
        problem = follow_up_due_problem(due_on=due_on, occurred_on=self.interaction.occurred_on)
        if problem:
            raise forms.ValidationError(problem)
        return due_on


class InteractionFilterForm(forms.Form):
    """The log's filters, from the address. Anything unknown shows everything."""

    stakeholder = forms.ModelChoiceField(queryset=None, required=False, empty_label="Anyone")
    kind = forms.ChoiceField(required=False, label="Type")

    def __init__(self, data=None, *, roadmap):
        super().__init__(data, auto_id="filter-%s")
        self.fields["stakeholder"].queryset = roadmap.stakeholders.order_by("kind", "name", "pk")
        self.fields["kind"].choices = [("", "All"), *InteractionKind.choices]

    @property
    def chosen(self) -> dict:
        return self.cleaned_data if self.is_valid() else {}

    @property
    def active(self) -> bool:
        return any(self.chosen.get(name) for name in ("stakeholder", "kind"))
