"""Importing the processes inventory. A process is matched by its name, in any
case; the columns are the download's (selectors/inventory_tables.py)."""

from roadmap.imports import field_problems
from roadmap.models import DESCRIPTION_MAX_LENGTH, TITLE_MAX_LENGTH, Roadmap
from ui.imports import Column, Plan, Row, apply_rows, choice, text, whole_number

from ..models import Channel, Digitisation, Process
from ..selectors.inventory_tables import PROCESS_HEADERS
from ..services import processes as services
from . import plan_by_name


def columns(roadmap: Roadmap) -> list[Column]:
    h = dict(zip(services.FIELDS, PROCESS_HEADERS, strict=True))
    channels = ", ".join(label for _, label in Channel.choices)
    levels = ", ".join(label for _, label in Digitisation.choices)
    return [
        Column("name", h["name"], text(TITLE_MAX_LENGTH), "What the agency calls it. Each name once.", "Apply for a parking permit", required=True),  # noqa: E501
        Column("service", h["service"], text(TITLE_MAX_LENGTH), "The service it belongs to, if any.", "Parking", empty=""),  # noqa: E501
        Column("channel", h["channel"], choice(Channel.choices), f"One of: {channels}.", "Post", required=True),  # noqa: E501
        Column("digitisation", h["digitisation"], choice(Digitisation.choices), f"One of: {levels}.", "Paper", required=True),  # noqa: E501
        Column("yearly_volume", h["yearly_volume"], whole_number(0, 10**15), "Cases a year, or empty.", "18000"),  # noqa: E501
        Column("pain_points", h["pain_points"], text(DESCRIPTION_MAX_LENGTH), "What goes wrong, takes too long or costs too much.", "Forms re-keyed by hand", empty=""),  # noqa: E501
    ]  # fmt: skip


def plan(roadmap: Roadmap, rows: list[Row], present: list[str]) -> Plan:
    """One query, however many rows."""
    headers = {c.key: c.header for c in columns(roadmap)}

    def check(values: dict) -> list[str]:
        return [p.message for p in field_problems(Process, 0, headers, values)]

    return plan_by_name(rows, list(roadmap.processes.all()), headers, services.FIELDS, check)


def apply(roadmap: Roadmap, plan: Plan, present: list[str], by) -> None:
    apply_rows(
        plan,
        create=lambda values: services.process_create(roadmap=roadmap, by=by, **values),
        update=lambda process, revision, values: services.process_update(
            process=process, revision=revision, by=by, **values
        ),
    )
