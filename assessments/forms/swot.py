"""The form for a SWOT item: its text and, optionally, the dimension it is about."""

from django import forms

from ui.concurrency import RevisionFormMixin
from ui.forms import NoSilentTruncationMixin

from ..models import Dimension, SwotItem
from ..selectors.swot import dimension_choices


class DimensionChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, dimension: Dimension) -> str:
        return f"{dimension.name} ({dimension.framework.name})"


def dimension_field(roadmap, *, label: str, help_text: str) -> DimensionChoiceField:
    return DimensionChoiceField(
        queryset=dimension_choices(roadmap),
        required=False,
        empty_label="None",
        label=label,
        help_text=help_text,
        error_messages={
            "invalid_choice": "Choose a dimension of the frameworks this roadmap uses."
        },
    )


class SwotItemForm(RevisionFormMixin, NoSilentTruncationMixin, forms.ModelForm):
    class Meta:
        model = SwotItem
        fields = ["text", "dimension"]
        labels = {"text": "What it is"}
        help_texts = {"text": "One short sentence."}
        error_messages = {"text": {"required": "Enter the item, in one short sentence."}}

    def __init__(self, *args, roadmap, quadrant: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.roadmap = roadmap
        self.fields["text"].label = {
            "strength": "The strength",
            "weakness": "The weakness",
            "opportunity": "The opportunity",
            "threat": "The threat",
        }.get(quadrant, "What it is")
        self.fields["dimension"] = dimension_field(
            roadmap,
            label="Maturity dimension it is about",
            help_text="From the frameworks this roadmap's assessments use.",
        )
