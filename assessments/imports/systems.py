"""Importing the systems inventory. A system is matched by its name, in any case;
the columns are the download's (selectors/inventory_tables.py), choices written
as their labels or values; the year introduced and the cost follow the same rule
as the form (rules/inventory.py)."""

from django.utils import timezone

from roadmap.imports import field_problems
from roadmap.models import DESCRIPTION_MAX_LENGTH, TITLE_MAX_LENGTH, Roadmap
from ui.imports import Column, Plan, Row, amount, apply_rows, choice, text, whole_number

from ..models import Criticality, DataClassification, Hosting, LifecycleDecision, System
from ..rules.inventory import EARLIEST_YEAR, cost_problem, year_problem
from ..selectors.inventory_tables import SYSTEM_HEADERS
from ..services import systems as services
from . import plan_by_name


def _labels(choices) -> str:
    return ", ".join(label for _, label in choices.choices)


def columns(roadmap: Roadmap) -> list[Column]:
    h = dict(zip(services.FIELDS, SYSTEM_HEADERS, strict=True))
    return [
        Column("name", h["name"], text(TITLE_MAX_LENGTH), "What people call it. Each name once.", "Benefits mainframe", required=True),  # noqa: E501
        Column("purpose", h["purpose"], text(DESCRIPTION_MAX_LENGTH), "What it is for.", "Council tax and benefit accounts", empty=""),  # noqa: E501
        Column("business_owner", h["business_owner"], text(TITLE_MAX_LENGTH), "The person or unit who owns it.", "Head of Revenues", empty=""),  # noqa: E501
        Column("hosting", h["hosting"], choice(Hosting.choices), f"One of: {_labels(Hosting)}.", "On premises", required=True),  # noqa: E501
        Column("main_technology", h["main_technology"], text(TITLE_MAX_LENGTH), "Its main technology.", "COBOL on z/OS", empty=""),  # noqa: E501
        Column("year_introduced", h["year_introduced"], whole_number(1, 9999), f"A year from {EARLIEST_YEAR} to this year, or empty.", "1978"),  # noqa: E501
        Column("lifecycle", h["lifecycle"], choice(LifecycleDecision.choices), f"One of: {_labels(LifecycleDecision)}.", "Migrate", required=True),  # noqa: E501
        Column("condition", h["condition"], whole_number(1, 5), "1 (poor) to 5 (excellent). Empty: 3.", "2", empty=3),  # noqa: E501
        Column("criticality", h["criticality"], choice(Criticality.choices), f"One of: {_labels(Criticality)}.", "Critical", required=True),  # noqa: E501
        Column("data_classification", h["data_classification"], choice(DataClassification.choices), f"One of: {_labels(DataClassification)}. Empty: Internal.", "Confidential", empty=DataClassification.INTERNAL),  # noqa: E501
        Column("user_count", h["user_count"], whole_number(0, 2_147_483_647), "How many people use it, or empty.", "140"),  # noqa: E501
        Column("annual_cost", h["annual_cost"], amount(14, 2), "In the agency's currency, a year, or empty.", "820000"),  # noqa: E501
    ]  # fmt: skip


def plan(roadmap: Roadmap, rows: list[Row], present: list[str]) -> Plan:
    """One query, however many rows."""
    headers = {c.key: c.header for c in columns(roadmap)}
    this_year = timezone.localdate().year

    def check(values: dict) -> list[str]:
        problems = [
            f"{headers[field]}: {problem}"
            for field, problem in (
                (
                    "year_introduced",
                    year_problem(values.get("year_introduced"), this_year=this_year),
                ),
                ("annual_cost", cost_problem(values.get("annual_cost"))),
            )
            if problem
        ]
        return problems + [p.message for p in field_problems(System, 0, headers, values)]

    return plan_by_name(rows, list(roadmap.systems.all()), headers, services.FIELDS, check)


def apply(roadmap: Roadmap, plan: Plan, present: list[str], by) -> None:
    apply_rows(
        plan,
        create=lambda values: services.system_create(roadmap=roadmap, by=by, **values),
        update=lambda system, revision, values: services.system_update(
            system=system, revision=revision, by=by, **values
        ),
    )
