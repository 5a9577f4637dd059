"""The form for a roadmap component."""

from django import forms

from ui.concurrency import RevisionFormMixin
from ui.forms import NoSilentTruncationMixin, refuse_duplicate_title

from ..models import Component, ComponentKind
from ..services.components import DUPLICATE, FIELDS


class ComponentForm(RevisionFormMixin, NoSilentTruncationMixin, forms.ModelForm):
    class Meta:
        model = Component
        fields = list(FIELDS)
        help_texts = {
            "name": "For example “Technology adoption” or “Cloud and hosting”.",
            "description": "What belongs in it.",
        }
        error_messages = {"name": {"required": "Enter a name."}}
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, roadmap, **kwargs):
        super().__init__(*args, **kwargs)
        self.roadmap = roadmap
        self.fields["kind"] = forms.ModelChoiceField(
            queryset=ComponentKind.objects.all(),
            required=False,
            empty_label="Other",
            label="Kind",
            help_text="Assessment results suggest work by kind. Renaming keeps the kind.",
            error_messages={"invalid_choice": "Choose one of the kinds in the list."},
        )

    def clean_name(self) -> str:
        return refuse_duplicate_title(
            Component.objects.filter(roadmap=self.roadmap),
            self.instance,
            self.cleaned_data["name"],
            DUPLICATE,
            field="name",
        )
