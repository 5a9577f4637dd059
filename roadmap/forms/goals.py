"""The form for an organisational goal."""

from django import forms

from ui.concurrency import RevisionFormMixin
from ui.forms import (
    NoSilentTruncationMixin,
    refuse_duplicate_title,
)

from ..models import (
    OrganisationalGoal,
)


class GoalForm(RevisionFormMixin, NoSilentTruncationMixin, forms.ModelForm):
    class Meta:
        model = OrganisationalGoal
        fields = ["title", "description"]
        labels = {"title": "Goal"}
        help_texts = {"title": "A goal of the whole agency, for example 'Cut waiting times'."}
        error_messages = {"title": {"required": "Enter the goal."}}
        widgets = {"description": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisation = organisation

    def clean_title(self) -> str:
        return refuse_duplicate_title(
            OrganisationalGoal.objects.filter(organisation=self.organisation),
            self.instance,
            self.cleaned_data["title"],
            "Your agency already has that goal.",
        )
