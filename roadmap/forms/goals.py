"""The form for a goal: one of the agency's shared goals, or a roadmap's own."""

from django import forms

from ui.concurrency import RevisionFormMixin
from ui.forms import (
    NoSilentTruncationMixin,
    refuse_duplicate_title,
)

from ..models import (
    OrganisationalGoal,
)
from ..services.goals import DUPLICATE, DUPLICATE_IN_ROADMAP, SHARED_ALREADY


class _GoalFields(RevisionFormMixin, NoSilentTruncationMixin, forms.ModelForm):
    """What both kinds of goal ask for; each kind says whose goal it is."""

    class Meta:
        model = OrganisationalGoal
        fields = ["title", "description"]
        labels = {"title": "Goal"}
        help_texts = {"title": "A goal of the whole agency, for example 'Cut waiting times'."}
        error_messages = {"title": {"required": "Enter the goal."}}
        widgets = {"description": forms.Textarea(attrs={"rows": 2})}


class GoalForm(_GoalFields):
    """One of the agency's shared goals."""

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisation = organisation

    def clean_title(self) -> str:
        return refuse_duplicate_title(
            OrganisationalGoal.objects.filter(organisation=self.organisation, roadmap=None),
            self.instance,
            self.cleaned_data["title"],
            DUPLICATE,
        )


class RoadmapGoalForm(_GoalFields):
    """A goal of one roadmap: only its objectives may serve it."""

    def __init__(self, *args, roadmap, **kwargs):
        super().__init__(*args, **kwargs)
        self.roadmap = roadmap
        self.organisation = roadmap.organisation
        self.fields[
            "title"
        ].help_text = "An aim of this roadmap alone, for example 'Better digital public services'."

    def clean_title(self) -> str:
        title = refuse_duplicate_title(
            OrganisationalGoal.objects.filter(roadmap=self.roadmap),
            self.instance,
            self.cleaned_data["title"],
            DUPLICATE_IN_ROADMAP,
        )
        shared = OrganisationalGoal.objects.filter(organisation=self.organisation, roadmap=None)
        return refuse_duplicate_title(shared, self.instance, title, SHARED_ALREADY)
