"""The form for a gap: where it was found (the source, and the matching picker)
and the initiatives that close it; and the form that picks suggested gaps."""

from django import forms
from django.db.models import Q

from ui.concurrency import RevisionFormMixin
from ui.forms import NoSilentTruncationMixin, refuse_duplicate_title

from ..models import Gap, Process, SwotItem, System
from ..rules.gaps import (
    GAP_DIGITISATION,
    GAP_LIFECYCLES,
    SOURCE_FIELDS,
    ChosenSource,
    source_problems,
)
from ..selectors.gaps import gap_suggestions
from ..services.gaps import DUPLICATE, FIELDS
from .swot import dimension_field


def add_source_problems(form: forms.BaseForm, source: str) -> None:
    """The source rule (rules/gaps.py) on what the form's pickers hold, each problem
    next to its picker unless that already has an error: for this form and the admin's."""
    cleaned = form.cleaned_data
    weakness, system, process = (cleaned.get(k) for k in ("weakness", "system", "process"))
    chosen = ChosenSource(
        dimension=cleaned.get("dimension") is not None,
        weakness_quadrant=weakness.quadrant if weakness else None,
        system_lifecycle=system.lifecycle if system else None,
        process_digitisation=process.digitisation if process else None,
    )
    for field, message in source_problems(source, chosen).items():
        if field not in form.errors:
            form.add_error(field, message)


class SystemChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, system: System) -> str:
        return f"{system.name} ({system.get_lifecycle_display().lower()})"


class ProcessChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, process: Process) -> str:
        return f"{process.name} ({process.get_digitisation_display().lower()})"


class GapForm(RevisionFormMixin, NoSilentTruncationMixin, forms.ModelForm):
    class Meta:
        model = Gap
        fields = [*FIELDS, "initiatives"]
        labels = {"source": "Where it was found", "initiatives": "Initiatives that close it"}
        help_texts = {
            "title": "What is missing, in a few words: “No single view of a citizen”.",
            "initiatives": "Tick the initiatives on the roadmap that close it.",
        }
        error_messages = {
            "title": {"required": "Enter a title."},
            "severity": {
                "required": "Choose the severity.",
                "invalid_choice": "Choose the severity.",
            },
            "source": {
                "required": "Choose where it was found.",
                "invalid_choice": "Choose where it was found.",
            },
        }
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "severity": forms.RadioSelect,
            "source": forms.RadioSelect,
            "initiatives": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, roadmap, **kwargs):
        super().__init__(*args, **kwargs)
        self.roadmap = roadmap
        self.fields["dimension"] = dimension_field(
            roadmap,
            label="The dimension (when found in a low-scoring dimension)",
            help_text="A dimension of the frameworks this roadmap uses.",
        )
        # Offered: what may be a source. One already chosen stays listed, so a
        # change elsewhere does not lose it (the rule then says why it no longer fits).
        self.fields["weakness"] = forms.ModelChoiceField(
            queryset=SwotItem.objects.filter(
                Q(quadrant="weakness") | Q(pk=self.instance.weakness_id or 0), roadmap=roadmap
            ).order_by("position", "pk"),
            required=False,
            empty_label="None",
            label="The weakness (when found in a weakness)",
            help_text="One of the SWOT's weaknesses.",
            error_messages={"invalid_choice": "Choose one of this roadmap's SWOT weaknesses."},
        )
        self.fields["system"] = SystemChoiceField(
            queryset=System.objects.filter(
                Q(lifecycle__in=GAP_LIFECYCLES) | Q(pk=self.instance.system_id or 0),
                roadmap=roadmap,
            ).order_by("name"),
            required=False,
            empty_label="None",
            label="The system (when found in a system to migrate or eliminate)",
            help_text="Systems marked migrate or eliminate.",
            error_messages={
                "invalid_choice": "Choose a system of this roadmap marked migrate or eliminate."
            },
        )
        self.fields["process"] = ProcessChoiceField(
            queryset=Process.objects.filter(
                Q(digitisation__in=GAP_DIGITISATION) | Q(pk=self.instance.process_id or 0),
                roadmap=roadmap,
            ).order_by("name"),
            required=False,
            empty_label="None",
            label="The process (when found in a process still on paper)",
            help_text="Processes on paper or partly online.",
            error_messages={
                "invalid_choice": "Choose a process of this roadmap on paper or partly online."
            },
        )
        initiatives = self.fields["initiatives"]
        initiatives.queryset = roadmap.initiatives.order_by("title")
        initiatives.error_messages["invalid_choice"] = "Choose initiatives of this roadmap."
        initiatives.error_messages["invalid_pk_value"] = "Choose initiatives of this roadmap."

    def clean_title(self) -> str:
        return refuse_duplicate_title(
            Gap.objects.filter(roadmap=self.roadmap),
            self.instance,
            self.cleaned_data["title"],
            DUPLICATE,
        )

    def clean(self):
        cleaned = super().clean()
        source = cleaned.get("source")
        if not source:
            return cleaned
        # The pickers of the other sources are left empty: what was chosen there
        # before the source changed does not count.
        for kind in SOURCE_FIELDS:
            if kind != source and kind not in self.errors:
                cleaned[kind] = None
        add_source_problems(self, source)
        return cleaned


class GapSuggestionForm(forms.Form):
    """Which of the inventory's suggestions to make gaps of."""

    systems = forms.ModelMultipleChoiceField(
        queryset=System.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Systems to migrate or eliminate",
    )
    processes = forms.ModelMultipleChoiceField(
        queryset=Process.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Processes still on paper",
    )

    def __init__(self, *args, roadmap, **kwargs):
        super().__init__(*args, **kwargs)
        self.suggestions = suggestions = gap_suggestions(roadmap)
        self.fields["systems"].queryset = System.objects.filter(
            pk__in=[system.pk for system in suggestions.systems]
        ).order_by("name")
        self.fields["processes"].queryset = Process.objects.filter(
            pk__in=[process.pk for process in suggestions.processes]
        ).order_by("name")
        for name in ("systems", "processes"):
            self.fields[name].error_messages["invalid_choice"] = (
                "One of these already has a gap, or changed: look at the list again."
            )
            self.fields[name].error_messages["invalid_pk_value"] = "Choose from the list."
        self.fields["systems"].label_from_instance = lambda s: (
            f"{s.name}: {s.get_lifecycle_display().lower()}"
        )
        self.fields["processes"].label_from_instance = lambda p: (
            f"{p.name}: {p.get_digitisation_display().lower()}"
        )

    def clean(self):
        cleaned = super().clean()
        if not self.errors and not cleaned.get("systems") and not cleaned.get("processes"):
            raise forms.ValidationError("Tick at least one system or process to make a gap of.")
        return cleaned
