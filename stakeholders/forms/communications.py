"""The form for an item of the communication plan, and the plan's filters."""

from django import forms

from agencies.access import agency_members
from ui.concurrency import RevisionFormMixin
from ui.dates import DayMonthYearField
from ui.forms import MemberChoiceField, NoSilentTruncationMixin

from ..models import CommunicationChannel, CommunicationItem, CommunicationStatus
from ..services.communications import FIELDS

ROADMAP_AUDIENCE = "Choose stakeholders and groups of this roadmap."


class AudienceField(forms.ModelMultipleChoiceField):
    """Stakeholders and groups, a group said to be one."""

    def label_from_instance(self, stakeholder) -> str:
        return f"{stakeholder.name} (group)" if stakeholder.is_group else stakeholder.name


class CommunicationForm(RevisionFormMixin, NoSilentTruncationMixin, forms.ModelForm):
    class Meta:
        model = CommunicationItem
        fields = [*FIELDS, "audience"]
        field_classes = {"planned_on": DayMonthYearField}
        labels = {
            "purpose": "Purpose",
            "key_message": "Key message",
            "planned_on": "Planned date",
            "initiative": "Initiative it is about",
            "milestone": "Milestone it is about",
        }
        help_texts = {
            "purpose": "What it is for, in a few words: “Announce the new booking service”.",
            "key_message": "What the audience should know or do afterwards.",
            "frequency": "A recurring item happens on its planned date, then every week, month "
            "or quarter until the end of the roadmap.",
            "planned_on": "For example, 27 3 2027. For a recurring item, the first time.",
            "initiative": "If it is about one initiative.",
            "milestone": "If it is about one milestone.",
        }
        error_messages = {
            "purpose": {"required": "Enter the purpose."},
            "channel": {"required": "Choose a channel."},
        }
        widgets = {
            "key_message": forms.Textarea(attrs={"rows": 3}),
            "frequency": forms.RadioSelect,
            "status": forms.RadioSelect,
        }

    def __init__(self, *args, roadmap, **kwargs):
        super().__init__(*args, **kwargs)
        self.roadmap = roadmap
        self.fields["audience"] = AudienceField(
            queryset=roadmap.stakeholders.order_by("kind", "name", "pk"),
            required=False,
            widget=forms.CheckboxSelectMultiple,
            label="Audience",
            help_text="The stakeholders and groups it is for.",
            error_messages={
                "invalid_choice": ROADMAP_AUDIENCE,
                "invalid_pk_value": ROADMAP_AUDIENCE,
            },
        )
        self.fields["owner"] = MemberChoiceField(
            queryset=agency_members(roadmap.organisation),
            required=False,
            empty_label="No owner yet",
            label="Owner",
            help_text="The member who makes sure it happens.",
            error_messages={"invalid_choice": "Choose a member of your agency."},
        )
        channel = self.fields["channel"]
        channel.choices = [("", "Choose a channel"), *CommunicationChannel.choices]
        self.fields["planned_on"].error_messages["required"] = "Enter the planned date."
        initiative = self.fields["initiative"]
        initiative.queryset = roadmap.initiatives.order_by("title")
        initiative.empty_label = "None"
        initiative.error_messages["invalid_choice"] = "Choose an initiative of this roadmap."
        milestone = self.fields["milestone"]
        milestone.queryset = roadmap.milestones.order_by("due_date", "title")
        milestone.empty_label = "None"
        milestone.error_messages["invalid_choice"] = "Choose a milestone of this roadmap."


STATE_CHOICES = [("", "All"), ("overdue", "Overdue"), *CommunicationStatus.choices]
PERIOD_CHOICES = [("", "From this month on"), ("all", "The whole plan")]


class CommunicationFilterForm(forms.Form):
    """The plan's filters, read from the address so a view can be shared.
    Anything unknown is ignored: the plan shows everything from this month on."""

    state = forms.ChoiceField(required=False, choices=STATE_CHOICES, label="Status")
    channel = forms.ChoiceField(
        required=False, choices=[("", "All"), *CommunicationChannel.choices]
    )
    period = forms.ChoiceField(required=False, choices=PERIOD_CHOICES, label="Show")

    def __init__(self, data=None):
        super().__init__(data, auto_id="filter-%s")

    @property
    def chosen(self) -> dict[str, str]:
        return self.cleaned_data if self.is_valid() else {}

    @property
    def active(self) -> bool:
        return any(self.chosen.get(name) for name in ("state", "channel", "period"))
