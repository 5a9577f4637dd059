"""The form for an objective."""

from django import forms

from agencies.access import agency_members
from ui.concurrency import RevisionFormMixin
from ui.forms import (
    MemberChoiceField,
    NoSilentTruncationMixin,
    refuse_duplicate_title,
)

from ..models import (
    Objective,
    Priority,
)
from ..services.objectives import OBJECTIVE_FIELDS
from .sponsors import SPONSOR_LABELS, SponsorFieldsMixin


class ObjectiveForm(
    RevisionFormMixin, SponsorFieldsMixin, NoSilentTruncationMixin, forms.ModelForm
):
    class Meta:
        model = Objective
        fields = list(OBJECTIVE_FIELDS)
        labels = {
            "citizen_centric": "This objective is citizen-centric",
            "citizen_outcome": "Outcome for citizens",
            **SPONSOR_LABELS,
        }
        help_texts = {
            "title": "A short statement of what the agency will achieve.",
            "description": "Why it matters and what success looks like.",
        }
        error_messages = {
            "title": {"required": "Enter a title."},
            "priority": {"invalid_choice": "Choose high, medium or low."},
        }
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "desired_outcomes": forms.Textarea(attrs={"rows": 3}),
            "priority": forms.RadioSelect,
        }

    def __init__(self, *args, roadmap, **kwargs):
        super().__init__(*args, **kwargs)
        self.roadmap = roadmap
        words = roadmap.objective_words  # the roadmap's own word: "Mission"
        self.fields["citizen_centric"].label = f"This {words.lower} is citizen-centric"
        self.fields["owner"] = MemberChoiceField(
            queryset=agency_members(roadmap.organisation),
            required=False,
            empty_label="No owner yet",
            help_text=Objective._meta.get_field("owner").help_text,
            error_messages={"invalid_choice": "Choose a member of your agency."},
        )
        self.set_up_sponsor(roadmap.organisation)
        words = roadmap.objective_words
        self.fields["title"].help_text = (
            "A short statement of what the agency will achieve, without its number "
            f"('{words.numbered(1)}' is added)."
        )
        # The quick "add an objective" form asks only for a title and description.
        self.fields["priority"].required = False

    def clean_priority(self) -> str:
        return self.cleaned_data.get("priority") or self.instance.priority or Priority.MEDIUM

    def clean_title(self) -> str:
        return refuse_duplicate_title(
            Objective.objects.filter(roadmap=self.roadmap),
            self.instance,
            self.cleaned_data["title"],
            f"This roadmap already has {self.roadmap.objective_words.a} with that title.",
        )

    def clean(self):
        cleaned = super().clean()
        for field, message in self.sponsor_problems(cleaned).items():
            self.add_error(field, message)
        if cleaned.get("citizen_centric") and not cleaned.get("citizen_outcome", "").strip():
            self.add_error(
                "citizen_outcome",
                "Say which outcome for citizens this "
                f"{self.roadmap.objective_words.lower} improves.",
            )
        return cleaned
