"""The register as a table for a download (and, later, the columns an import
reads): without personal data unless asked for."""

from dataclasses import dataclass

from ui.formatting import format_date

from ..models import Stakeholder
from ..rules.stakeholders import tags_text

COLUMNS = (
    "Kind",
    "Name",
    "Role or title",
    "Organisation or unit",
    "Level",
    "Influence",
    "Interest",
    "Attitude",
    "Current engagement",
    "Desired engagement",
    "Relationship owner",
    "Tags",
    "Notes",
    "Groups",
)
PERSONAL_COLUMNS = ("Email", "Phone", "Lawful basis", "Review date")


@dataclass(frozen=True)
class Table:
    headers: tuple[str, ...]
    rows: list[list]


def _owner(user) -> str:
    if user is None:
        return ""
    return user.get_full_name().strip() or user.get_username()


def register_table(entries: list[Stakeholder], *, personal_data: bool) -> Table:
    rows = []
    for entry in entries:
        row = [
            entry.get_kind_display(),
            entry.name,
            entry.role,
            entry.organisation,
            entry.get_level_display(),
            entry.influence,
            entry.interest,
            entry.get_attitude_display(),
            entry.get_current_engagement_display(),
            entry.get_desired_engagement_display(),
            _owner(entry.relationship_owner),
            tags_text(entry.tags),
            entry.notes,
            "; ".join(group.name for group in entry.groups.all()),
        ]
        if personal_data:
            row += [
                entry.email,
                entry.phone,
                entry.get_lawful_basis_display() if entry.lawful_basis else "",
                format_date(entry.review_on) if entry.review_on else "",
            ]
        rows.append(row)
    return Table((*COLUMNS, *PERSONAL_COLUMNS) if personal_data else COLUMNS, rows)
