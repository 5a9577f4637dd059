"""Importing a roadmap's milestones. A milestone is matched by its title within
its initiative (or within the roadmap as a whole, when it names none), in any
case: "Go live" of two initiatives are two milestones. It is due on a day
(2026-04-30) or in a month (2026-04)."""

from typing import Any

from django.utils import timezone

from ui.imports import (
    Column,
    Plan,
    Row,
    RowProblem,
    a_day,
    apply_rows,
    day_or_month,
    planned_row,
    text,
    yes_or_no,
)

from ..models import DuePrecision, Milestone, Roadmap
from ..models.roadmaps import TITLE_MAX_LENGTH
from ..rules.milestones import done_on_problem
from ..services import milestones as services
from . import field_problems

TITLE = text(TITLE_MAX_LENGTH)


def columns(roadmap: Roadmap) -> list[Column]:
    return [
        Column("title", "Title", TITLE, "What is reached, in a few words.", "Payroll live in the cloud", required=True),  # noqa: E501
        Column("initiative", "Initiative", TITLE, "The initiative it marks, by its title; empty for the roadmap as a whole.", "Move payroll to the cloud", empty=""),  # noqa: E501
        Column("due", "Due", day_or_month, "A day, as 2026-04-30, or a month, as 2026-04.", "2026-09", required=True),  # noqa: E501
        Column("done", "Done", yes_or_no("Done", "Not done"), "“Done” or “Not done”. Empty: not done.", "Not done", empty=False),  # noqa: E501
        Column("done_on", "Done on", a_day, "When it was done, as 2026-04-30: today or earlier. Needed when it is done.", ""),  # noqa: E501
    ]  # fmt: skip


def _key(initiative_title: str, title: str) -> tuple[str, str]:
    return (initiative_title.casefold(), title.casefold())


def _current(milestone: Milestone) -> dict[str, Any]:
    return {
        "title": milestone.title,
        "initiative": milestone.initiative,
        "due": (milestone.due_date, milestone.due_precision == DuePrecision.DAY),
        "done": milestone.done,
        "done_on": milestone.done_on,
    }


def plan(roadmap: Roadmap, rows: list[Row], present: list[str]) -> Plan:
    """Three queries, however many rows."""
    headers = {c.key: c.header for c in columns(roadmap)}
    initiatives = {i.title.casefold(): i for i in roadmap.initiatives.all()}
    existing: dict[tuple[str, str], list[Milestone]] = {}
    for milestone in roadmap.milestones.select_related("initiative"):
        owner = milestone.initiative.title if milestone.initiative else ""
        existing.setdefault(_key(owner, milestone.title), []).append(milestone)
    today = timezone.localdate()
    result = Plan()
    lines: dict[tuple[str, str], int] = {}
    for row in rows:
        problems: list[str] = []
        values = dict(row.values)
        named = values.get("initiative", "")
        key = _key(named, values["title"])
        if key in lines:
            problems.append(f"Title: “{values['title']}” is also on row {lines[key]}.")
        lines.setdefault(key, row.line)
        if named:
            values["initiative"] = initiatives.get(named.casefold())
            if values["initiative"] is None:
                problems.append(f"Initiative: this roadmap has no initiative called “{named}”.")
        elif "initiative" in values:
            values["initiative"] = None
        found = existing.get(key, [])
        if len(found) > 1:
            problems.append(
                f"Title: {len(found)} milestones are called “{values['title']}”"
                f"{' in “' + named + '”' if named else ''}: rename one of them first."
            )
        target = found[0] if len(found) == 1 else None
        merged = {**(_current(target) if target else {"done": False, "done_on": None}), **values}
        if not merged["done"]:
            values["done_on"] = merged["done_on"] = None
        problem = done_on_problem(done=merged["done"], done_on=merged["done_on"], today=today)
        if problem:
            problems.append(f"Done on: {problem}")
        result.problems.extend(RowProblem(row.line, p) for p in problems)
        due_date, _ = values["due"]
        result.problems.extend(
            field_problems(
                Milestone, row.line, {**headers, "due_date": "Due"}, {"due_date": due_date}
            )
        )
        result.problems.extend(
            field_problems(Milestone, row.line, headers, {"done_on": values.get("done_on")})
        )
        result.rows.append(
            planned_row(
                row.line, values["title"], values, target, headers=headers, current=_current
            )
        )
    return result


def _fields(values: dict[str, Any]) -> dict[str, Any]:
    fields = {k: v for k, v in values.items() if k != "due"}
    due, has_day = values["due"]
    fields.update(due_date=due, due_precision=DuePrecision.DAY if has_day else DuePrecision.MONTH)
    return fields


def apply(roadmap: Roadmap, plan: Plan, present: list[str], by) -> None:
    apply_rows(
        plan,
        create=lambda values: services.milestone_create(roadmap=roadmap, by=by, **_fields(values)),
        update=lambda milestone, revision, values: services.milestone_update(
            milestone=milestone, revision=revision, by=by, **_fields(values)
        ),
    )
