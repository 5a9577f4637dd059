"""The form for a guiding principle."""

from django import forms

from ui.concurrency import RevisionFormMixin
from ui.forms import (
    NoSilentTruncationMixin,
    refuse_duplicate_title,
)

from ..models import (
    GuidingPrinciple,
)


class PrincipleForm(RevisionFormMixin, NoSilentTruncationMixin, forms.ModelForm):
    class Meta:
        model = GuidingPrinciple
        fields = ["title", "description"]
        labels = {"title": "Principle"}
        help_texts = {"title": "For example 'Digital by default' or 'Secure by design'."}
        error_messages = {"title": {"required": "Enter the principle."}}
        widgets = {"description": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, roadmap, **kwargs):
        super().__init__(*args, **kwargs)
        self.roadmap = roadmap

    def clean_title(self) -> str:
        return refuse_duplicate_title(
            GuidingPrinciple.objects.filter(roadmap=self.roadmap),
            self.instance,
            self.cleaned_data["title"],
            "This roadmap already has that principle.",
        )
