"""The forms of the register: an entry (person or group), the register's
filters, and the choice of a register download."""

from django import forms

from agencies.access import agency_members
from ui.concurrency import RevisionFormMixin
from ui.dates import DayMonthYearField
from ui.forms import MemberChoiceField, NoSilentTruncationMixin

from ..models import Attitude, EntryKind, Level, Stakeholder
from ..rules.stakeholders import (
    ONLY_GROUPS_HAVE_MEMBERS,
    contact_problems,
    normalised_tags,
    tag_problem,
    tags_text,
)
from ..services.stakeholders import FIELDS

SCALE = [(n, str(n)) for n in range(1, 6)]


class TagsField(forms.CharField):
    """Tags typed as one line, separated by commas; cleaned to a list."""

    def prepare_value(self, value):
        return tags_text(value) if isinstance(value, list) else value

    def to_python(self, value):
        return normalised_tags(super().to_python(value) or "")

    def validate(self, value):
        if problem := tag_problem(value):
            raise forms.ValidationError(problem)


class StakeholderForm(RevisionFormMixin, NoSilentTruncationMixin, forms.ModelForm):
    tags = TagsField(
        required=False,
        help_text="Words to find them by, separated by commas: for example digital, north region.",
    )

    class Meta:
        model = Stakeholder
        fields = [*FIELDS, "members"]
        field_classes = {"review_on": DayMonthYearField}
        labels = {
            "kind": "Person or group",
            "influence": "Influence",
            "interest": "Interest",
            "current_engagement": "Current engagement",
            "desired_engagement": "Desired engagement",
            "members": "People in this group",
        }
        help_texts = {
            "name": "A person's name, or a group's (for example Frontline staff).",
            "email": "Personal data: only editors and above see it.",
            "phone": "Personal data: only editors and above see it.",
            "lawful_basis": "Why the agency may hold this person's contact details.",
            "members": "People in the register who belong to this group.",
        }
        error_messages = {
            "name": {"required": "Enter a name."},
            "level": {"required": "Choose a level."},
            "email": {"invalid": "Enter an email address like name@example.gov."},
            "influence": {"invalid_choice": "Choose an influence from 1 to 5."},
            "interest": {"invalid_choice": "Choose an interest from 1 to 5."},
        }
        widgets = {
            "kind": forms.RadioSelect,
            "attitude": forms.RadioSelect,
            "notes": forms.Textarea(attrs={"rows": 3}),
            "members": forms.CheckboxSelectMultiple,
            "email": forms.EmailInput(attrs={"autocomplete": "off"}),
            "phone": forms.TextInput(attrs={"autocomplete": "off", "inputmode": "tel"}),
        }

    def __init__(self, *args, roadmap, **kwargs):
        super().__init__(*args, **kwargs)
        self.roadmap = roadmap
        self.fields["kind"].choices = EntryKind.choices
        self.fields["level"].choices = [("", "Choose a level"), *Level.choices]
        for name, what in (("influence", "influence"), ("interest", "interest")):
            self.fields[name] = forms.TypedChoiceField(
                choices=SCALE,
                coerce=int,
                widget=forms.RadioSelect,
                label=self.fields[name].label,
                help_text=Stakeholder._meta.get_field(name).help_text,
                error_messages={
                    "required": f"Choose an {what} from 1 to 5.",
                    "invalid_choice": f"Choose an {what} from 1 to 5.",
                },
            )
        self.fields["attitude"].choices = Attitude.choices
        self.fields["relationship_owner"] = MemberChoiceField(
            queryset=agency_members(roadmap.organisation),
            required=False,
            empty_label="Nobody yet",
            label="Relationship owner",
            help_text=Stakeholder._meta.get_field("relationship_owner").help_text,
            error_messages={"invalid_choice": "Choose a member of your agency."},
        )
        people = roadmap.stakeholders.filter(kind=EntryKind.PERSON).order_by("name")
        if self.instance.pk:
            people = people.exclude(pk=self.instance.pk)
        self.fields["members"].queryset = people
        self.fields["members"].error_messages["invalid_choice"] = (
            "Choose people in this roadmap's register."
        )
        self.fields["review_on"].label = "Review date"

    def clean(self):
        cleaned = super().clean()
        kind = cleaned.get("kind")
        problems = contact_problems(
            is_group=kind == EntryKind.GROUP,
            email=cleaned.get("email") or "",
            phone=cleaned.get("phone") or "",
            lawful_basis=cleaned.get("lawful_basis") or "",
            review_on=cleaned.get("review_on"),
        )
        for field, message in problems.items():
            if field not in self.errors:
                self.add_error(field, message)
        if kind != EntryKind.GROUP and cleaned.get("members"):
            self.add_error("members", ONLY_GROUPS_HAVE_MEMBERS)
        return cleaned


class StakeholderFilterForm(forms.Form):
    """The register's filters, read from the address so a view can be shared.
    Anything unknown is ignored: the register shows everything."""

    kind = forms.ChoiceField(required=False, choices=[("", "All"), *EntryKind.choices])
    level = forms.ChoiceField(required=False, choices=[("", "All"), *Level.choices])
    attitude = forms.ChoiceField(required=False, choices=[("", "All"), *Attitude.choices])
    tag = forms.ChoiceField(required=False)

    def __init__(self, data=None, *, tags: list[str], fields: tuple[str, ...] | None = None):
        super().__init__(data)
        self.fields["tag"].choices = [("", "All"), *((tag, tag) for tag in tags)]
        if fields is not None:
            for name in list(self.fields):
                if name not in fields:
                    del self.fields[name]

    @property
    def chosen(self) -> dict[str, str]:
        if not self.is_valid():
            return {
                name: value
                for name, value in self.data.items()
                if name in self.fields
                and value
                and value in {str(key) for key, _ in self.fields[name].choices}
            }
        return {name: value for name, value in self.cleaned_data.items() if value}

    @property
    def active(self) -> bool:
        return bool(self.chosen)

    def entries(self, entries: list[Stakeholder]) -> list[Stakeholder]:
        chosen = self.chosen
        kept = []
        for entry in entries:
            if "kind" in chosen and entry.kind != chosen["kind"]:
                continue
            if "level" in chosen and entry.level != chosen["level"]:
                continue
            if "attitude" in chosen and entry.attitude != chosen["attitude"]:
                continue
            if "tag" in chosen and chosen["tag"].casefold() not in {
                t.casefold() for t in entry.tags
            }:
                continue
            kept.append(entry)
        return kept


def register_tags(entries: list[Stakeholder]) -> list[str]:
    """Every tag used in the register, once, alphabetically (case ignored)."""
    seen: dict[str, str] = {}
    for entry in entries:
        for tag in entry.tags:
            seen.setdefault(tag.casefold(), tag)
    return sorted(seen.values(), key=str.casefold)


class RegisterDownloadForm(forms.Form):
    """A register download: without personal data unless asked for (editors only)."""

    personal_data = forms.BooleanField(
        required=False,
        label="Include email, phone, lawful basis and review date",
        help_text="The download is recorded: who, and when.",
    )
