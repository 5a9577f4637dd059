"""The form to create or change a roadmap."""

from django import forms
from django.utils.text import slugify

from ui.concurrency import RevisionFormMixin
from ui.forms import (
    NoSilentTruncationMixin,
)

from ..models import (
    Roadmap,
)
from ..rules.bounds import HORIZON_YEARS, horizon_problem

_YEARS = f"Enter a year from {HORIZON_YEARS.low} to {HORIZON_YEARS.high}."


class RoadmapForm(RevisionFormMixin, NoSilentTruncationMixin, forms.ModelForm):
    """Create or edit a roadmap. The slug is chosen once, at creation."""

    class Meta:
        model = Roadmap
        fields = [
            "title",
            "slug",
            "horizon_start_year",
            "horizon_end_year",
            "vision",
            "purpose",
            "objective_label",
            "publisher",
        ]
        labels = {
            "slug": "Short name for web addresses",
            "horizon_start_year": "First year of the roadmap",
            "horizon_end_year": "Last year of the roadmap",
            "objective_label": "What the roadmap calls its objectives",
            "publisher": "Publisher",
        }
        help_texts = {
            "title": "For example, 'Digital transformation roadmap 2026 to 2030'.",
            "slug": "Lower-case letters, numbers and hyphens. Leave empty to make one "
            "from the title.",
            "vision": "Where the agency wants to be at the end of the roadmap, in plain "
            "words. Up to 10,000 characters.",
        }
        error_messages = {
            "title": {"required": "Enter a title."},
            "slug": {"invalid": "Use only lower-case letters, numbers and hyphens."},
            "horizon_start_year": {
                "required": "Enter the first year, for example 2026.",
                "invalid": "Enter the year as a number, for example 2026.",
                "min_value": _YEARS,
                "max_value": _YEARS,
            },
            "objective_label": {
                "invalid_choice": "Choose one of the names listed, for example Mission.",
                "required": "Choose what the roadmap calls its objectives.",
            },
            "horizon_end_year": {
                "required": "Enter the last year, for example 2030.",
                "invalid": "Enter the year as a number, for example 2030.",
                "min_value": _YEARS,
                "max_value": _YEARS,
            },
        }
        widgets = {
            "vision": forms.Textarea(attrs={"rows": 8}),
            "objective_label": forms.RadioSelect,
        }

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisation = organisation
        self.fields["slug"].required = False
        self.fields["objective_label"].required = False  # left out: as it was, or "Objective"
        if self.instance.pk:
            # Links and exports use the slug: it does not change after creation.
            del self.fields["slug"]

    def clean_objective_label(self) -> str:
        return self.cleaned_data.get("objective_label") or self.instance.objective_label

    def clean_slug(self) -> str:
        if not self.cleaned_data.get("slug") and "title" not in self.cleaned_data:
            return ""  # made from the title, whose own error already says what to do
        slug = self.cleaned_data.get("slug") or slugify(self.cleaned_data["title"])
        slug = slug[: Roadmap._meta.get_field("slug").max_length].strip("-")
        if not slug:
            raise forms.ValidationError(
                "Enter a short name using letters or numbers, for example 'roadmap-2026'."
            )
        taken = Roadmap.objects.filter(organisation=self.organisation, slug=slug)
        if taken.exists():
            raise forms.ValidationError(
                f"Your agency already has a roadmap called '{slug}'. Choose another short name."
            )
        return slug

    def clean(self):
        cleaned = super().clean()
        problem = horizon_problem(
            cleaned.get("horizon_start_year"), cleaned.get("horizon_end_year")
        )
        if problem:
            self.add_error("horizon_end_year", problem)
        return cleaned
