from django import forms
from django.contrib.auth import get_user_model
from django.utils.text import slugify

from agencies.forms import NoSilentTruncationMixin

from .models import (
    GuidingPrinciple,
    Objective,
    ObjectiveAlignment,
    OrganisationalGoal,
    Priority,
    Roadmap,
)
from .services import OBJECTIVE_FIELDS


def refuse_duplicate_title(queryset, instance, title: str, message: str) -> str:
    """A title must be unique among its siblings (case-insensitive)."""
    title = title.strip()
    duplicates = queryset.filter(title__iexact=title)
    if instance.pk:
        duplicates = duplicates.exclude(pk=instance.pk)
    if duplicates.exists():
        raise forms.ValidationError(message)
    return title


class MemberChoiceField(forms.ModelChoiceField):
    """A member of the agency, shown by name."""

    def label_from_instance(self, user) -> str:
        return user.get_full_name() or user.get_username()


def agency_members(organisation):
    return (
        get_user_model()
        .objects.filter(memberships__organisation=organisation, is_active=True)
        .order_by("first_name", "last_name", "username")
    )


class RoadmapForm(NoSilentTruncationMixin, forms.ModelForm):
    """Create or edit a roadmap. The slug is chosen once, at creation."""

    class Meta:
        model = Roadmap
        fields = ["title", "slug", "horizon_start_year", "horizon_end_year", "vision", "purpose"]
        labels = {
            "slug": "Short name for web addresses",
            "horizon_start_year": "First year of the roadmap",
            "horizon_end_year": "Last year of the roadmap",
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
                "min_value": "Enter a year from 2000 to 2100.",
                "max_value": "Enter a year from 2000 to 2100.",
            },
            "horizon_end_year": {
                "required": "Enter the last year, for example 2030.",
                "invalid": "Enter the year as a number, for example 2030.",
                "min_value": "Enter a year from 2000 to 2100.",
                "max_value": "Enter a year from 2000 to 2100.",
            },
        }
        widgets = {"vision": forms.Textarea(attrs={"rows": 8})}

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisation = organisation
        self.fields["slug"].required = False
        if self.instance.pk:
            # Links and exports use the slug: it does not change after creation.
            del self.fields["slug"]

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
        start, end = cleaned.get("horizon_start_year"), cleaned.get("horizon_end_year")
        if start and end and end < start:
            self.add_error(
                "horizon_end_year",
                f"The last year must be the same as or after the first year ({start}).",
            )
        return cleaned


class ObjectiveForm(NoSilentTruncationMixin, forms.ModelForm):
    class Meta:
        model = Objective
        fields = list(OBJECTIVE_FIELDS)
        labels = {
            "citizen_centric": "This objective is citizen-centric",
            "citizen_outcome": "Outcome for citizens",
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
        self.fields["owner"] = MemberChoiceField(
            queryset=agency_members(roadmap.organisation),
            required=False,
            empty_label="No owner yet",
            help_text=Objective._meta.get_field("owner").help_text,
            error_messages={"invalid_choice": "Choose a member of your agency."},
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
            "This roadmap already has an objective with that title.",
        )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("citizen_centric") and not cleaned.get("citizen_outcome", "").strip():
            self.add_error(
                "citizen_outcome", "Say which outcome for citizens this objective improves."
            )
        return cleaned


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


class PrincipleForm(NoSilentTruncationMixin, forms.ModelForm):
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


class GoalForm(NoSilentTruncationMixin, forms.ModelForm):
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
