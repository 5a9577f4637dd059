"""One member's answer to one question: the current and target levels as radio
groups whose options are the question's five level descriptors, evidence, and
confidence. Each question's form has its own prefix, so a page of one
dimension holds one form per question."""

from django import forms

from ui.concurrency import RevisionFormMixin
from ui.forms import NoSilentTruncationMixin

from ..models import LEVEL_NAMES, Answer, AnswerConfidence, Question
from ..rules.results import target_below_current


def level_choices(question: Question) -> list[tuple[int, str]]:
    descriptors = {d.level: d.description for d in question.levels.all()}
    return [
        (level, f"{level} {LEVEL_NAMES[level]}: {descriptors.get(level, '')}".rstrip(": "))
        for level in LEVEL_NAMES
    ]


class AnswerForm(RevisionFormMixin, NoSilentTruncationMixin, forms.ModelForm):
    class Meta:
        model = Answer
        fields = ["current_level", "target_level", "evidence", "confidence"]
        labels = {
            "current_level": "Where you are now",
            "target_level": "Where you aim to be",
            "evidence": "Evidence or comment",
            "confidence": "How confident are you?",
        }
        help_texts = {
            "evidence": "What you base it on: a report, a figure, what you have seen.",
        }
        widgets = {
            "evidence": forms.Textarea(attrs={"rows": 2}),
            "confidence": forms.RadioSelect,
        }

    def __init__(self, *args, question: Question, **kwargs):
        kwargs.setdefault("prefix", f"q{question.pk}")
        super().__init__(*args, **kwargs)
        self.question = question
        choices = level_choices(question)
        for name, what in (("current_level", "current level"), ("target_level", "target level")):
            field = self.fields[name]
            field.widget = forms.RadioSelect(choices=choices)
            field.error_messages["required"] = f"Choose the {what}, from 1 to 5."
            field.error_messages["invalid"] = f"Choose the {what}, from 1 to 5."
        self.fields["confidence"].choices = AnswerConfidence.choices
        self.fields["confidence"].error_messages["invalid_choice"] = "Choose low, medium or high."

    @property
    def flagged(self) -> bool:
        """A target below the current level: allowed, but said."""
        if self.is_bound and hasattr(self, "cleaned_data"):
            return target_below_current(
                self.cleaned_data.get("current_level"), self.cleaned_data.get("target_level")
            )
        return target_below_current(self.instance.current_level, self.instance.target_level)
