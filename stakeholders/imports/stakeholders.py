"""Importing a roadmap's stakeholder register: the columns of the register's
download (selectors/register_table.py), the contact details' columns too when
the file has them. An entry is matched by its name, in any case; the
relationship owner as `MEMBER_DOC` says. The groups an entry is in are kept as
they are (a group's people are chosen on its page), so that column is ignored.
The same rules as the form: scales 1 to 5, a valid email, a lawful basis and a
review date for a person's contact details, none on a group."""

from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from roadmap.imports import MEMBER_DOC, Members, field_problems
from roadmap.models import DESCRIPTION_MAX_LENGTH, TITLE_MAX_LENGTH, Roadmap
from ui.imports import (
    CellProblem,
    Column,
    Plan,
    Row,
    RowProblem,
    a_day,
    apply_rows,
    choice,
    planned_row,
    text,
    whole_number,
)

from ..models import Attitude, Engagement, EntryKind, LawfulBasis, Level, Stakeholder
from ..rules.stakeholders import contact_problems, normalised_tags, tag_problem
from ..services import stakeholders as services


def tags(value: str) -> list[str]:
    found = normalised_tags(value)
    if problem := tag_problem(found):
        raise CellProblem(problem)
    return found


def email(value: str) -> str:
    try:
        validate_email(value)
    except ValidationError as error:
        raise CellProblem(f"“{value}” is not an email address like name@example.gov.") from error
    return value


def _labels(choices) -> str:
    return ", ".join(label for _, label in choices)


def columns(roadmap: Roadmap) -> list[Column]:
    short, long = text(TITLE_MAX_LENGTH), text(DESCRIPTION_MAX_LENGTH)
    return [
        Column("kind", "Kind", choice(EntryKind.choices), "Person or Group. Empty: Person.", "Person", empty=EntryKind.PERSON),  # noqa: E501
        Column("name", "Name", short, "A person's name or a group's. Each name once.", "Priya Natarajan", required=True),  # noqa: E501
        Column("role", "Role or title", short, "Their role or title.", "Head of parking", empty=""),
        Column("organisation", "Organisation or unit", short, "Where they work, or who the group is.", "Parking", empty=""),  # noqa: E501
        Column("level", "Level", choice(Level.choices), f"One of: {_labels(Level.choices)}.", "Senior management", required=True),  # noqa: E501
        Column("influence", "Influence", whole_number(1, 5), "1 (little) to 5 (decisive).", "4", required=True),  # noqa: E501
        Column("interest", "Interest", whole_number(1, 5), "1 (little) to 5 (very high).", "5", required=True),  # noqa: E501
        Column("attitude", "Attitude", choice(Attitude.choices), f"One of: {_labels(Attitude.choices)}. Empty: Neutral.", "Supporter", empty=Attitude.NEUTRAL),  # noqa: E501
        Column("current_engagement", "Current engagement", choice(Engagement.choices), f"One of: {_labels(Engagement.choices)}. Empty: Neutral.", "Neutral", empty=Engagement.NEUTRAL),  # noqa: E501
        Column("desired_engagement", "Desired engagement", choice(Engagement.choices), "As the current engagement. Empty: Supportive.", "Leading", empty=Engagement.SUPPORTIVE),  # noqa: E501
        Column("relationship_owner", "Relationship owner", short, f"The member who keeps in touch with them. {MEMBER_DOC}", "", empty=""),  # noqa: E501
        Column("tags", "Tags", tags, "Words to find them by, separated by commas.", "parking, casework", empty=[]),  # noqa: E501
        Column("notes", "Notes", long, "Anything worth knowing.", "", empty=""),
        Column("groups", "Groups", str, "The groups they are in: kept as they are, ignored.", ignored=True),  # noqa: E501
        Column("email", "Email", email, "Personal data, a person's only. Needs a lawful basis and a review date.", "priya@example.gov", empty=""),  # noqa: E501
        Column("phone", "Phone", text(40), "Personal data, a person's only.", "01632 960 222", empty=""),  # noqa: E501
        Column("lawful_basis", "Lawful basis", choice(LawfulBasis.choices), f"Why the agency may hold the contact details: {_labels(LawfulBasis.choices)}.", "Public task", empty=""),  # noqa: E501
        Column("review_on", "Review date", a_day, "When to check the contact details are still needed, as 2028-06-01.", "2028-06-01"),  # noqa: E501
    ]  # fmt: skip


def _current(entry: Stakeholder) -> dict[str, Any]:
    return {name: getattr(entry, name) for name in services.FIELDS}


def plan(roadmap: Roadmap, rows: list[Row], present: list[str]) -> Plan:
    """Two queries, however many rows."""
    headers = {c.key: c.header for c in columns(roadmap)}
    members = Members(roadmap.organisation)
    existing: dict[str, list[Stakeholder]] = {}
    for entry in roadmap.stakeholders.select_related("relationship_owner"):
        existing.setdefault(entry.name.casefold(), []).append(entry)
    result = Plan()
    lines: dict[str, int] = {}
    for row in rows:
        problems: list[str] = []
        values = dict(row.values)
        key = values["name"].casefold()
        if key in lines:
            problems.append(f"Name: “{values['name']}” is also on row {lines[key]}.")
        lines.setdefault(key, row.line)
        if why := members.resolve(values, "relationship_owner"):
            problems.append(f"Relationship owner: {why}")
        found = existing.get(key, [])
        if len(found) > 1:
            problems.append(f"Name: {len(found)} entries are called “{values['name']}”.")
        target = found[0] if len(found) == 1 else None
        merged = {**(_current(target) if target else {}), **values}
        for field, message in contact_problems(
            is_group=merged.get("kind", EntryKind.PERSON) == EntryKind.GROUP,
            email=merged.get("email") or "",
            phone=merged.get("phone") or "",
            lawful_basis=merged.get("lawful_basis") or "",
            review_on=merged.get("review_on"),
        ).items():
            problems.append(f"{headers[field]}: {message}")
        if (
            target is not None
            and target.is_anonymised
            and (values.get("email") or values.get("phone"))
        ):
            problems.append("Email: this entry was anonymised: it holds no contact details again.")
        result.problems.extend(RowProblem(row.line, p) for p in problems)
        result.problems.extend(field_problems(Stakeholder, row.line, headers, values))
        result.rows.append(
            planned_row(row.line, values["name"], values, target, headers=headers, current=_current)
        )
    return result


def apply(roadmap: Roadmap, plan: Plan, present: list[str], by) -> None:
    apply_rows(
        plan,
        create=lambda values: services.stakeholder_create(roadmap=roadmap, by=by, **values),
        update=lambda stakeholder, revision, values: services.stakeholder_update(
            stakeholder=stakeholder, revision=revision, by=by, **values
        ),
    )
