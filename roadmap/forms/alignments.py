"""The form that aligns an objective with one of the agency's goals."""

from django import forms

from ui.forms import (
    NoSilentTruncationMixin,
)

from ..models import (
    Objective,
    ObjectiveAlignment,
    OrganisationalGoal,
)


class AlignmentForm(NoSilentTruncationMixin, forms.ModelForm):
    """Align an objective to one of the agency's organisational goals."""

    class Meta:
        model = ObjectiveAlignment
        fields = ["goal", "rationale"]
        labels = {"goal": "Organisational goal", "rationale": "How the objective serves it"}
        error_messages = {
            "goal": {
                "required": "Choose the goal this objective serves.",
                "invalid_choice": "Choose one of your agency's goals.",
            },
        }

    def __init__(self, *args, objective: Objective, **kwargs):
        super().__init__(*args, **kwargs)
        self.objective = objective
        self.fields["goal"].queryset = OrganisationalGoal.objects.filter(
            organisation_id=objective.roadmap.organisation_id
        ).exclude(alignments__objective=objective)
        self.fields["goal"].empty_label = "Choose a goal"
        self.fields["rationale"].required = True
        self.fields["rationale"].error_messages["required"] = (
            "Say in one line how the objective serves this goal."
        )
