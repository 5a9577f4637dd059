"""The form to add or change an assessment."""

from django import forms

from ui.concurrency import RevisionFormMixin
from ui.dates import DayMonthYearField
from ui.forms import NoSilentTruncationMixin

from ..models import Assessment
from ..selectors.assessments import current_frameworks
from ..services.assessments import FIELDS


class FrameworkChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, framework) -> str:
        return (
            f"{framework.name}: {framework.description}"
            if framework.description
            else framework.name
        )


class AssessmentForm(RevisionFormMixin, NoSilentTruncationMixin, forms.ModelForm):
    class Meta:
        model = Assessment
        fields = list(FIELDS)
        field_classes = {"assessed_on": DayMonthYearField}
        labels = {"assessed_on": "Date", "scope": "Scope"}
        help_texts = {
            "title": "For example, “Baseline 2026” or “Follow-up, spring 2027”.",
            "scope": "What it covers and what not: the whole agency, or some services.",
        }
        error_messages = {"title": {"required": "Enter a title."}}
        widgets = {"scope": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, roadmap, **kwargs):
        super().__init__(*args, **kwargs)
        self.roadmap = roadmap
        self.fields["framework"] = FrameworkChoiceField(
            queryset=current_frameworks(),
            widget=forms.RadioSelect,
            empty_label=None,
            label="Framework",
            help_text="The questions everyone answers.",
            error_messages={
                "required": "Choose a framework.",
                "invalid_choice": "Choose one of the frameworks listed.",
            },
        )
        self.fields["assessed_on"].error_messages["required"] = "Enter the date of the assessment."
        if self.instance.pk and self.instance.answers.exists():
            # Answers belong to its framework's questions: it stays.
            del self.fields["framework"]
