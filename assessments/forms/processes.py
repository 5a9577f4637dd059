"""The form for a process or service of the inventory."""

from django import forms

from ui.concurrency import RevisionFormMixin
from ui.forms import NoSilentTruncationMixin, refuse_duplicate_title

from ..models import Process
from ..services.processes import DUPLICATE, FIELDS
from .systems import choose


class ProcessForm(RevisionFormMixin, NoSilentTruncationMixin, forms.ModelForm):
    class Meta:
        model = Process
        fields = list(FIELDS)
        labels = {"name": "Name", "service": "Service it belongs to"}
        help_texts = {
            "name": "What the agency calls it: “Apply for a parking permit”.",
            "service": "The service it is part of, if any.",
            "pain_points": "What goes wrong, takes too long or costs too much.",
        }
        error_messages = {
            "name": {"required": "Enter the process's name."},
            "channel": choose("the channel"),
            "digitisation": choose("the digitisation level"),
            "yearly_volume": {"invalid": "Enter the yearly volume as a whole number, like 12000."},
        }
        widgets = {
            "pain_points": forms.Textarea(attrs={"rows": 2}),
            "digitisation": forms.RadioSelect,
            "yearly_volume": forms.TextInput(
                attrs={"inputmode": "numeric", "class": "input--short"}
            ),
        }

    def __init__(self, *args, roadmap, **kwargs):
        super().__init__(*args, **kwargs)
        self.roadmap = roadmap

    def clean_name(self) -> str:
        return refuse_duplicate_title(
            Process.objects.filter(roadmap=self.roadmap),
            self.instance,
            self.cleaned_data["name"],
            DUPLICATE,
            field="name",
        )
