"""Importing a roadmap's initiatives. An initiative is matched by its title
(in any case, as the database's uniqueness rule does); its component, the
objectives it serves and the initiatives it depends on are named by their
titles; owner and sponsor as `MEMBER_DOC` says (a sponsor who is not a member
is written "name, role, organisation"). A column left out of the file leaves
that field as it is; a cell left empty clears it (or sets its default)."""

from typing import Any

from ui.concurrency import Refused
from ui.imports import (
    UNCHANGED,
    Column,
    Plan,
    Row,
    RowPlan,
    RowProblem,
    RowRefused,
    a_month,
    amount,
    apply_rows,
    choice,
    names,
    planned_row,
    text,
    whole_number,
)

from ..models import (
    RAG,
    BenefitType,
    Confidence,
    Dependency,
    FundingStatus,
    Initiative,
    InitiativeStatus,
    Roadmap,
)
from ..models.roadmaps import DESCRIPTION_MAX_LENGTH, TITLE_MAX_LENGTH
from ..rules.initiatives import initiative_problems
from ..rules.schedule import cycle_message, dependency_cycle
from ..services import initiatives as services
from . import MEMBER_DOC, Members, field_problems, resolve_names, unknown_names

TITLE = text(TITLE_MAX_LENGTH)
LONG = text(DESCRIPTION_MAX_LENGTH)


def _labels(choices) -> str:
    return ", ".join(label for _, label in choices)


def columns(roadmap: Roadmap) -> list[Column]:
    currency = roadmap.organisation.currency_code
    return [
        Column("title", "Title", TITLE, "What will be done, in a few words. Each title once.", "Move payroll to the cloud", required=True),  # noqa: E501
        Column("component", "Component", TITLE, "One of the roadmap's components, by its name.", "Technology adoption", required=True),  # noqa: E501
        Column("objectives", "Objectives served", names, "The objectives it serves, by their titles, separated by semicolons.", "Services online", empty=[]),  # noqa: E501
        Column("owner", "Owner", TITLE, f"The member responsible for delivering it. {MEMBER_DOC}", "lead@example.gov", empty=""),  # noqa: E501
        Column("sponsor", "Sponsor", TITLE, "The one accountable person: a member (as for the owner), or someone outside the service written “name, role, organisation”.", "Sam Jones, Chief Digital Officer, Treasury", empty=""),  # noqa: E501
        Column("start_month", "Start month", a_month, "The month work starts, as 2026-04.", "2026-04", required=True),  # noqa: E501
        Column("end_month", "End month", a_month, "The month it is due to finish, as 2027-03: the start month or after.", "2027-03", required=True),  # noqa: E501
        Column("status", "Status", choice(InitiativeStatus.choices), f"One of: {_labels(InitiativeStatus.choices)}. Empty: Planned.", "Planned", empty=InitiativeStatus.PLANNED),  # noqa: E501
        Column("rag", "RAG", choice(RAG.choices), "Green, Amber or Red. Empty: Green.", "Green", empty=RAG.GREEN),  # noqa: E501
        Column("rag_reason", "RAG reason", TITLE, "Needed when it is Amber or Red: what is wrong, in one line.", "", empty=""),  # noqa: E501
        Column("percent_complete", "Per cent complete", whole_number(0, 100), "A whole number from 0 to 100. Empty: 0.", "0", empty=0),  # noqa: E501
        Column("capital_cost", f"Capital cost ({currency})", amount(), "One-off spending, a number such as 1250000 or 1250000.50. Empty: not estimated.", "1250000"),  # noqa: E501
        Column("operating_cost", f"Operating cost a year ({currency})", amount(), "Running cost a year once in service, a number. Empty: not estimated.", "80000"),  # noqa: E501
        Column("funding_source", "Funding source", TITLE, "Where the money comes from.", "Capital budget 2026", empty=""),  # noqa: E501
        Column("funding_status", "Funding status", choice(FundingStatus.choices), f"One of: {_labels(FundingStatus.choices)}. Empty: Unfunded.", "Approved", empty=FundingStatus.UNFUNDED),  # noqa: E501
        Column("benefit_type", "Benefit type", choice(BenefitType.choices), f"One of: {_labels(BenefitType.choices)}. Empty: Service improvement.", "Cost saving", empty=BenefitType.SERVICE_IMPROVEMENT),  # noqa: E501
        Column("benefits", "Expected benefits", LONG, "What it brings, in a few sentences.", "Lower running costs", empty=""),  # noqa: E501
        Column("value", "Value (1-5)", whole_number(1, 5), "1 (little) to 5 (very high). Empty: 3.", "4", empty=3),  # noqa: E501
        Column("effort", "Effort (1-5)", whole_number(1, 5), "1 (small) to 5 (very large). Empty: 3.", "3", empty=3),  # noqa: E501
        Column("confidence", "Confidence", choice(Confidence.choices), "High, Medium or Low. Empty: Medium.", "Medium", empty=Confidence.MEDIUM),  # noqa: E501
        Column("priority_score", "Priority score (0-100)", str, "Worked out from value, effort and confidence: ignored.", ignored=True),  # noqa: E501
        Column("tags", "Tags", TITLE, "Separated by commas.", "cloud, payroll", empty=""),
        Column("depends_on", "Depends on", names, "The initiatives that must finish before it starts, by their titles, separated by semicolons.", "", empty=[]),  # noqa: E501
        Column("summary", "Summary", LONG, "What it changes, for whom, and how.", "", empty=""),
    ]  # fmt: skip


def _current(initiative: Initiative) -> dict[str, Any]:
    """An initiative's values as a row gives them once resolved."""
    fields = {name: getattr(initiative, name) for name in services.FIELDS}
    return {
        **fields,
        "component": initiative.component,
        "objectives": {o.pk for o in initiative.objectives.all()},
        "sponsor": (
            initiative.sponsor,
            initiative.sponsor_name,
            initiative.sponsor_role,
            initiative.sponsor_organisation,
        ),
        "depends_on": {
            link.prerequisite.title.casefold() for link in initiative.dependencies.all()
        },
    }


def _comparable(key: str, value: Any) -> Any:
    """A row's value as `_current` gives it."""
    if key == "objectives":
        return {o.pk for o in value}
    if key == "depends_on":
        return {name.casefold() for name in value}
    return value


def plan(roadmap: Roadmap, rows: list[Row], present: list[str]) -> Plan:
    """Seven queries, however many rows."""
    headers = {c.key: c.header for c in columns(roadmap)}
    components = {c.name.casefold(): c for c in roadmap.components.all()}
    objectives = {o.title.casefold(): o for o in roadmap.objectives.all()}
    members = Members(roadmap.organisation)
    existing = {
        i.title.casefold(): i
        for i in roadmap.initiatives.select_related(
            "component", "owner", "sponsor"
        ).prefetch_related("objectives", "dependencies__prerequisite")
    }
    result = Plan()
    lines: dict[str, int] = {}
    for row in rows:
        problems: list[str] = []
        values = dict(row.values)
        key = values["title"].casefold()
        if key in lines:
            problems.append(f"Title: “{values['title']}” is also on row {lines[key]}.")
        lines.setdefault(key, row.line)
        component = components.get(values["component"].casefold())
        if component is None:
            known = ", ".join(f"“{c.name}”" for c in components.values())
            problems.append(f"Component: no component is called “{values['component']}”: "
                            f"this roadmap's are {known}.")  # fmt: skip
        values["component"] = component
        if missing := resolve_names(values, "objectives", objectives, "objective"):
            problems.append(f"Objectives served: {missing}")
        if why := members.resolve(values, "owner"):
            problems.append(f"Owner: {why}")
        if "sponsor" in values:
            values["sponsor"] = _sponsor(values["sponsor"], members)
        if values.get("rag") == RAG.GREEN:
            values["rag_reason"] = ""
        target = existing.get(key)
        merged = {**(_current(target) if target else {}), **values}
        sponsor = merged.get("sponsor", (None, "", "", ""))
        rules = initiative_problems(
            start=merged["start_month"],
            end=merged["end_month"],
            rag=merged.get("rag", RAG.GREEN),
            rag_reason=merged.get("rag_reason", ""),
            has_member_sponsor=sponsor[0] is not None,
            sponsor_name=sponsor[1],
        )
        for field, message in rules.items():
            header = headers.get(field, headers["sponsor"])
            problems.append(f"{header}: {message}")
        result.problems.extend(RowProblem(row.line, p) for p in problems)
        result.problems.extend(field_problems(Initiative, row.line, headers, values))
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
    if "depends_on" in present and not result.problems:
        result.problems.extend(_dependency_problems(result.rows, existing))
    return result


def _sponsor(said: str, members: Members) -> tuple:
    """(member, name, role, organisation): a member if one is called that, else
    a person outside the service, "name, role, organisation"."""
    if not said:
        return (None, "", "", "")
    member, _ = members.find(said)
    if member is not None:
        return (member, "", "", "")
    name, role, organisation = ([p.strip() for p in said.split(",", 2)] + ["", ""])[:3]
    return (None, name, role, organisation)


def _dependency_problems(rows: list[RowPlan], existing: dict[str, Initiative]) -> list[RowProblem]:
    """Unknown prerequisites, and circles, each on the row that would make it."""
    titles = {key: i.title for key, i in existing.items()}
    titles.update({row.label.casefold(): row.label for row in rows})
    in_file = {row.label.casefold() for row in rows if "depends_on" in row.values}
    edges = [
        (key, link.prerequisite.title.casefold())
        for key, initiative in existing.items()
        if key not in in_file
        for link in initiative.dependencies.all()
    ]
    problems = []
    for row in rows:
        wanted = row.values.get("depends_on", [])
        missing = unknown_names(wanted, titles, "initiative")
        if missing:
            problems.append(RowProblem(row.line, f"Depends on: {missing}"))
            continue
        for name in wanted:
            edge = (row.label.casefold(), name.casefold())
            cycle = dependency_cycle(edges, edge)
            if cycle:
                problems.append(RowProblem(row.line, f"Depends on: {cycle_message(cycle, titles)}"))
                break
            edges.append(edge)
    return problems


def _fields(values: dict[str, Any]) -> dict[str, Any]:
    """A row's values as the services take them."""
    fields = {k: v for k, v in values.items() if k not in ("sponsor", "depends_on")}
    if "sponsor" in values:
        member, name, role, organisation = values["sponsor"]
        fields.update(
            sponsor=member, sponsor_name=name, sponsor_role=role, sponsor_organisation=organisation
        )
    return fields


def apply(roadmap: Roadmap, plan: Plan, present: list[str], by) -> None:
    """Every row through the initiatives' services, then the dependencies."""
    applied = apply_rows(
        plan,
        create=lambda values: services.initiative_create(roadmap=roadmap, by=by, **_fields(values)),
        update=lambda initiative, revision, values: services.initiative_update(
            initiative=initiative, revision=revision, by=by, **_fields(values)
        ),
    )
    by_title = {row.label.casefold(): initiative for row, initiative in applied}
    if "depends_on" not in present:
        return
    # Removals first, so a dependency moved from one row to another never
    # meets itself half-way as a circle.
    additions = []
    for row in plan.rows:
        if row.action == UNCHANGED:
            continue
        initiative = by_title[row.label.casefold()]
        wanted = {name.casefold() for name in row.values["depends_on"]}
        for link in Dependency.objects.filter(initiative=initiative).select_related("prerequisite"):
            if link.prerequisite.title.casefold() in wanted:
                wanted.discard(link.prerequisite.title.casefold())
            else:
                services.dependency_remove(dependency=link)
        additions += [(row.line, initiative, name) for name in sorted(wanted)]
    everyone = {i.title.casefold(): i for i in roadmap.initiatives.all()}
    for line, initiative, name in additions:
        try:
            services.dependency_add(initiative=initiative, prerequisite=everyone[name])
        except Refused as refused:
            raise RowRefused(line, refused.message) from refused
