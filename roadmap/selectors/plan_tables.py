"""The plan as tables, for download (ui/spreadsheets.py): initiatives,
milestones and risks, one row each, in a fixed number of queries. Months are
written "2026-04", dates "2026-04-30", lists of names joined with "; ", so a
spreadsheet sorts them and an import can read them back."""

from collections.abc import Callable
from dataclasses import dataclass

from ui.templatetags.people import person_name

from ..models import Roadmap
from .initiatives import initiatives_of
from .kpis import kpis_of_roadmap


def _month(day) -> str:
    return day.strftime("%Y-%m")


@dataclass(frozen=True)
class Table:
    title: str  # the sheet's name: "Initiatives"
    headers: tuple[str, ...]
    rows: list[list]


def initiative_table(roadmap: Roadmap) -> Table:
    rows = []
    for i in initiatives_of(roadmap):
        sponsor = person_name(i.sponsor) or ", ".join(
            part for part in (i.sponsor_name, i.sponsor_role, i.sponsor_organisation) if part
        )
        rows.append(
            [
                i.title,
                i.component.name,
                "; ".join(objective.title for objective in i.objectives.all()),
                person_name(i.owner),
                sponsor,
                _month(i.start_month),
                _month(i.end_month),
                i.get_status_display(),
                i.get_rag_display(),
                i.rag_reason,
                i.percent_complete,
                i.capital_cost,
                i.operating_cost,
                i.funding_source,
                i.get_funding_status_display(),
                i.get_benefit_type_display(),
                i.benefits,
                i.value,
                i.effort,
                i.get_confidence_display(),
                i.priority_score,
                i.tags,
                "; ".join(link.prerequisite.title for link in i.dependencies.all()),
                i.summary,
            ]
        )
    headers = (
        "Title",
        "Component",
        "Objectives served",
        "Owner",
        "Sponsor",
        "Start month",
        "End month",
        "Status",
        "RAG",
        "RAG reason",
        "Per cent complete",
        f"Capital cost ({roadmap.organisation.currency_code})",
        f"Operating cost a year ({roadmap.organisation.currency_code})",
        "Funding source",
        "Funding status",
        "Benefit type",
        "Expected benefits",
        "Value (1-5)",
        "Effort (1-5)",
        "Confidence",
        "Priority score (0-100)",
        "Tags",
        "Depends on",
        "Summary",
    )
    return Table("Initiatives", headers, rows)


def milestone_table(roadmap: Roadmap) -> Table:
    milestones = roadmap.milestones.select_related("initiative").order_by("due_date", "pk")
    rows = [
        [
            m.title,
            m.initiative.title if m.initiative else "",
            m.due_date.isoformat() if m.due_precision == "day" else _month(m.due_date),
            "Done" if m.done else "Not done",
            m.done_on.isoformat() if m.done_on else "",
        ]
        for m in milestones
    ]
    headers = ("Title", "Initiative", "Due", "Done", "Done on")
    return Table("Milestones", headers, rows)


def risk_table(roadmap: Roadmap) -> Table:
    risks = roadmap.risks.select_related("owner").prefetch_related("initiatives")
    rows = [
        [
            r.title,
            r.likelihood,
            r.impact,
            r.score,
            r.level.label,
            person_name(r.owner),
            r.get_status_display(),
            r.mitigation,
            "; ".join(initiative.title for initiative in r.initiatives.all()),
            r.description,
        ]
        for r in sorted(risks, key=lambda r: (-r.score, -r.likelihood, r.title))
    ]
    headers = (
        "Title",
        "Likelihood (1-5)",
        "Impact (1-5)",
        "Score",
        "Level",
        "Owner",
        "Status",
        "Mitigation",
        "Initiatives",
        "Description",
    )
    return Table("Risks", headers, rows)


def kpi_table(roadmap: Roadmap) -> Table:
    """Every KPI as published: "more than 100", "by 2025", "Not yet known"; its
    status and overdue flag by the same rules as the pages."""
    rows = []
    for kpi in kpis_of_roadmap(roadmap):
        measurements = kpi.measurements.all()
        assessment = kpi.assess(measurements)
        overdue = kpi.overdue(measurements)
        rows.append(
            [
                kpi.objective.title,
                kpi.name,
                kpi.unit,
                kpi.get_direction_display(),
                kpi.baseline_text,
                kpi.baseline_when,
                kpi.target_text,
                kpi.target_when,
                assessment.latest_text(kpi.unit),
                assessment.judged_on.isoformat() if assessment.judged_on else "",
                assessment.status.label,
                overdue.reason if overdue else "",
                kpi.get_reporting_frequency_display(),
                kpi.data_source,
            ]
        )
    headers = (
        "Objective",
        "KPI",
        "Unit",
        "Which way is better",
        "Baseline",
        "Baseline date",
        "Target",
        "Target date",
        "Latest",
        "Latest date",
        "Status",
        "Overdue",
        "Reported",
        "Data source",
    )
    return Table("KPIs", headers, rows)


TABLES: dict[str, Callable[[Roadmap], Table]] = {
    "kpis": kpi_table,
    "initiatives": initiative_table,
    "milestones": milestone_table,
    "risks": risk_table,
}
