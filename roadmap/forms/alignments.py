"""The form that aligns an objective with a goal: one of its roadmap's own, or
one its agency shares with all its roadmaps (the roadmap's own listed first)."""

from django import forms

from ui.forms import (
    NoSilentTruncationMixin,
)

from ..models import (
    Objective,
    ObjectiveAlignment,
    OrganisationalGoal,
)
from ..selectors.goals import goals_open_to


class GoalChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, goal: OrganisationalGoal) -> str:
        return f"{goal.title} (this roadmap)" if goal.roadmap_id else goal.title


class AlignmentForm(NoSilentTruncationMixin, forms.ModelForm):
    """Align an objective to a goal its roadmap may use."""

    class Meta:
        model = ObjectiveAlignment
        fields = ["goal", "rationale"]
        field_classes = {"goal": GoalChoiceField}
        labels = {"goal": "Goal", "rationale": "How it serves the goal"}
        error_messages = {
            "goal": {
                "invalid_choice": "Choose one of your agency's goals or this roadmap's own.",
            },
        }

    def __init__(self, *args, objective: Objective, **kwargs):
        super().__init__(*args, **kwargs)
        self.objective = objective
        self.fields["goal"].queryset = goals_open_to(objective.roadmap).exclude(
            alignments__objective=objective
        )
        self.fields["goal"].empty_label = "Choose a goal"
        self.fields["goal"].error_messages["required"] = (
            f"Choose the goal this {objective.roadmap.objective_words.lower} serves."
        )
        self.fields["rationale"].required = True
        self.fields["rationale"].error_messages["required"] = (
            f"Say in one line how the {objective.roadmap.objective_words.lower} serves this goal."
        )
