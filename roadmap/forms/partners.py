"""The form for a partner organisation of a roadmap."""

from django import forms

from ui.concurrency import RevisionFormMixin
from ui.forms import NoSilentTruncationMixin, refuse_duplicate_title

from ..models import Partner
from ..services.partners import DUPLICATE


class PartnerForm(RevisionFormMixin, NoSilentTruncationMixin, forms.ModelForm):
    class Meta:
        model = Partner
        fields = ["name"]
        labels = {"name": "Partner organisation"}
        help_texts = {
            "name": "Its name as the roadmap publishes it, for example 'Cabinet Office'. "
            "Naming a partner gives it no access."
        }
        error_messages = {"name": {"required": "Enter the partner organisation's name."}}

    def __init__(self, *args, roadmap, **kwargs):
        super().__init__(*args, **kwargs)
        self.roadmap = roadmap

    def clean_name(self) -> str:
        return refuse_duplicate_title(
            Partner.objects.filter(roadmap=self.roadmap),
            self.instance,
            self.cleaned_data["name"],
            DUPLICATE,
            field="name",
        )
