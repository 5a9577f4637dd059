"""The sponsor's fields, shared by the initiative and objective forms: a member,
or a named person outside the service (rules/sponsors.py)."""

from agencies.access import agency_members
from ui.forms import MemberChoiceField

from ..rules.sponsors import sponsor_problems

SPONSOR_LABELS = {
    "sponsor": "Sponsor (a member)",
    "sponsor_name": "Or a sponsor outside the service: name",
    "sponsor_role": "Their role",
    "sponsor_organisation": "Their organisation",
}


class SponsorFieldsMixin:
    """For a ModelForm of a `Sponsored` model: members to choose from, and the
    one-sponsor rule shown beside the name."""

    def set_up_sponsor(self, organisation) -> None:
        field = self.fields["sponsor"]
        self.fields["sponsor"] = MemberChoiceField(
            queryset=agency_members(organisation),
            required=False,
            empty_label="No member",
            label=field.label,
            help_text=field.help_text,
            error_messages={"invalid_choice": "Choose a member of your agency."},
        )

    def sponsor_problems(self, cleaned: dict) -> dict[str, str]:
        return sponsor_problems(
            has_member_sponsor=bool(cleaned.get("sponsor")),
            sponsor_name=cleaned.get("sponsor_name", ""),
            sponsor_role=cleaned.get("sponsor_role", ""),
            sponsor_organisation=cleaned.get("sponsor_organisation", ""),
        )
