"""Importing a roadmap's risks. A risk is matched by its title, in any case;
the initiatives it threatens are named by their titles; its owner as
`MEMBER_DOC` says. Its score and level are worked out again from its
likelihood and impact, so those columns of a download are ignored."""

from typing import Any

from ui.imports import (
    Column,
    Plan,
    Row,
    RowProblem,
    apply_rows,
    choice,
    names,
    planned_row,
    text,
    whole_number,
)

from ..models import Risk, RiskStatus, Roadmap
from ..models.roadmaps import DESCRIPTION_MAX_LENGTH, TITLE_MAX_LENGTH
from ..services import risks as services
from . import MEMBER_DOC, Members, field_problems, resolve_names

LONG = text(DESCRIPTION_MAX_LENGTH)


def columns(roadmap: Roadmap) -> list[Column]:
    statuses = ", ".join(label for _, label in RiskStatus.choices)
    return [
        Column("title", "Title", text(TITLE_MAX_LENGTH), "What might go wrong, in a few words. Each title once.", "Supplier goes out of business", required=True),  # noqa: E501
        Column("likelihood", "Likelihood (1-5)", whole_number(1, 5), "1 (rare) to 5 (almost certain).", "2", required=True),  # noqa: E501
        Column("impact", "Impact (1-5)", whole_number(1, 5), "1 (negligible) to 5 (severe).", "4", required=True),  # noqa: E501
        Column("score", "Score", str, "Likelihood times impact: worked out again, ignored.", ignored=True),  # noqa: E501
        Column("level", "Level", str, "Worked out from the score: ignored.", ignored=True),
        Column("owner", "Owner", text(TITLE_MAX_LENGTH), f"The member who watches it and acts on it. {MEMBER_DOC}", "lead@example.gov", empty=""),  # noqa: E501
        Column("status", "Status", choice(RiskStatus.choices), f"One of: {statuses}. Empty: Open.", "Open", empty=RiskStatus.OPEN),  # noqa: E501
        Column("mitigation", "Mitigation", LONG, "What is being done to make it less likely or less harmful.", "A second supplier on standby", empty=""),  # noqa: E501
        Column("initiatives", "Initiatives", names, "The initiatives it threatens, by their titles, separated by semicolons.", "", empty=[]),  # noqa: E501
        Column("description", "Description", LONG, "More about it, if needed.", "", empty=""),
    ]  # fmt: skip


def _current(risk: Risk) -> dict[str, Any]:
    return {
        **{name: getattr(risk, name) for name in services.FIELDS},
        "initiatives": {i.pk for i in risk.initiatives.all()},
    }


def _comparable(key: str, value: Any) -> Any:
    """A row's value as `_current` gives it."""
    return {i.pk for i in value} if key == "initiatives" else value


def plan(roadmap: Roadmap, rows: list[Row], present: list[str]) -> Plan:
    """Four queries, however many rows."""
    headers = {c.key: c.header for c in columns(roadmap)}
    initiatives = {i.title.casefold(): i for i in roadmap.initiatives.all()}
    members = Members(roadmap.organisation)
    existing: dict[str, list[Risk]] = {}
    for risk in roadmap.risks.select_related("owner").prefetch_related("initiatives"):
        existing.setdefault(risk.title.casefold(), []).append(risk)
    result = Plan()
    lines: dict[str, int] = {}
    for row in rows:
        problems: list[str] = []
        values = dict(row.values)
        key = values["title"].casefold()
        if key in lines:
            problems.append(f"Title: “{values['title']}” is also on row {lines[key]}.")
        lines.setdefault(key, row.line)
        if why := members.resolve(values, "owner"):
            problems.append(f"Owner: {why}")
        if missing := resolve_names(values, "initiatives", initiatives, "initiative"):
            problems.append(f"Initiatives: {missing}")
        found = existing.get(key, [])
        if len(found) > 1:
            problems.append(
                f"Title: {len(found)} risks are called “{values['title']}”: "
                "rename one of them first."
            )
        target = found[0] if len(found) == 1 else None
        result.problems.extend(RowProblem(row.line, p) for p in problems)
        result.problems.extend(field_problems(Risk, row.line, headers, values))
        result.rows.append(
            planned_row(
                row.line,
                values["title"],
                values,
                target,
                headers=headers,
                current=_current,
                comparable=_comparable,
            )
        )
    return result


def apply(roadmap: Roadmap, plan: Plan, present: list[str], by) -> None:
    apply_rows(
        plan,
        create=lambda values: services.risk_create(roadmap=roadmap, by=by, **values),
        update=lambda risk, revision, values: services.risk_update(
            risk=risk, revision=revision, by=by, **values
        ),
    )
