"""The form for a risk and the initiatives it threatens."""

from django import forms

from agencies.access import agency_members
from ui.concurrency import RevisionFormMixin
from ui.forms import MemberChoiceField, NoSilentTruncationMixin

from ..models import Risk
from ..rules.risks import IMPACT_LABELS, LIKELIHOOD_LABELS
from ..services.risks import FIELDS


class RiskForm(RevisionFormMixin, NoSilentTruncationMixin, forms.ModelForm):
    class Meta:
        model = Risk
        fields = [*FIELDS, "initiatives"]
        help_texts = {
            "title": "What might happen, in a few words: “Supplier goes out of business”.",
            "description": "What would cause it, and what it would do to the plan.",
            "likelihood": "How likely it is to happen.",
            "impact": "How much harm it would do to the plan if it happened.",
            "initiatives": "Tick none for a risk to the roadmap as a whole.",
        }
        labels = {"mitigation": "Mitigation", "initiatives": "Initiatives it threatens"}
        error_messages = {"title": {"required": "Enter a title."}}
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "mitigation": forms.Textarea(attrs={"rows": 3}),
            "status": forms.RadioSelect,
            "initiatives": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, roadmap, **kwargs):
        super().__init__(*args, **kwargs)
        self.roadmap = roadmap
        for name, labels in (("likelihood", LIKELIHOOD_LABELS), ("impact", IMPACT_LABELS)):
            field = self.fields[name]
            field.widget = forms.RadioSelect(
                choices=[(n, f"{n} {label}") for n, label in labels.items()]
            )
            field.label = name.capitalize()
            field.error_messages["required"] = f"Choose the {name}, from 1 to 5."
            field.initial = None  # nothing chosen for the person: they judge it
            if self.instance.pk is None:
                self.initial.pop(name, None)
        self.fields["owner"] = MemberChoiceField(
            queryset=agency_members(roadmap.organisation),
            required=False,
            empty_label="No owner yet",
            label="Owner",
            help_text=Risk._meta.get_field("owner").help_text,
            error_messages={"invalid_choice": "Choose a member of your agency."},
        )
        initiatives = self.fields["initiatives"]
        initiatives.queryset = roadmap.initiatives.order_by("title")
        initiatives.error_messages["invalid_choice"] = "Choose initiatives of this roadmap."
        initiatives.error_messages["invalid_pk_value"] = "Choose initiatives of this roadmap."
