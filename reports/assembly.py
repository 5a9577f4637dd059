"""Assemble a roadmap's report as self-contained HTML: its data, in a fixed
number of queries, through the report template with the stylesheet inlined.

No WeasyPrint here: `reports.pdf` turns this HTML into the PDF.
"""

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from django.contrib.staticfiles import finders
from django.db.models import Prefetch, prefetch_related_objects
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe

from roadmap.charts.kpis import kpi_chart
from roadmap.charts.risks import heat_map_columns, heat_map_rows, risk_heat_map_svg
from roadmap.charts.timeline import timeline_pages
from roadmap.models import (
    KPI,
    Component,
    GuidingPrinciple,
    Initiative,
    Milestone,
    Objective,
    Partner,
    Risk,
    Roadmap,
)
from roadmap.rules.kpi_overdue import RULE_TEXT as OVERDUE_RULE_TEXT
from roadmap.rules.kpi_overdue import Overdue
from roadmap.rules.kpi_status import RULE_TEXT, KPIAssessment, KPIStatus
from roadmap.rules.kpi_summary import count_by_status
from roadmap.rules.risks import heat_map
from roadmap.selectors.initiatives import initiatives_of
from roadmap.selectors.objectives import objectives_in_full
from roadmap.selectors.timeline import timeline_of
from ui.formatting import format_date, format_value

from .health import HealthFinding, roadmap_findings
from .options import ReportOptions
from .sections.assessment_inventory import report_inventory
from .sections.assessments import assessment_chapter
from .sections.stakeholders import report_stakeholders
from .sections.stakeholders_communications import report_communications

REPORT_TEMPLATE = "reports/roadmap_report.html"
REPORT_STYLESHEET = "reports/report.css"

# The KPI trend chart in print: A4 is 210 mm wide and the page has 20 mm margins,
# leaving 170 mm, which is 642 CSS pixels (96 to the inch). The chart is drawn at
# 640 by 250 so its 12 px labels print at 9 pt, and never wider than the column.
CHART_WIDTH = 640
CHART_HEIGHT = 250


@dataclass(frozen=True)
class ValueOnDate:
    value: str  # formatted with its unit: "42%", "£4.8m", "21,500 calls a month"
    date: str  # "31 October 2025", as every date is shown


def value_on_date(value: Decimal, day: date, unit: str) -> ValueOnDate:
    return ValueOnDate(format_value(value, unit), format_date(day))


@dataclass(frozen=True)
class ReportKPI:
    """One KPI as the report shows it: its figures, its status and its chart."""

    kpi: KPI
    anchor: str  # the id the KPI table links to its chart with
    assessment: KPIAssessment
    baseline: ValueOnDate
    target: ValueOnDate
    latest: ValueOnDate | None
    chart: SafeString
    overdue: Overdue | None = None  # a flag beside the status, not instead of it
    measurements: tuple = ()  # oldest first, with their source and note

    @property
    def status(self) -> KPIStatus:
        return self.assessment.status


@dataclass(frozen=True)
class ReportObjective:
    objective: Objective
    number: int
    anchor: str
    kpis: list[ReportKPI]

    @property
    def status_counts(self) -> list[tuple[KPIStatus, int]]:
        """How many of its KPIs are in each status, best first, leaving out empty ones."""
        return count_by_status(kpi.status for kpi in self.kpis)


def load_roadmap_for_report(roadmap_id: int) -> Roadmap:
    """The roadmap with everything the report shows, in a fixed number of queries:
    the roadmap and its agency, its principles, its partner organisations, then
    `objectives_in_full` (objectives with owners and sponsors, alignments with goals,
    KPIs with owners, measurements)."""
    roadmap = (
        Roadmap.objects.select_related("organisation")
        .prefetch_related(
            Prefetch("principles", queryset=GuidingPrinciple.objects.order_by("position", "pk")),
            Prefetch("partners", queryset=Partner.objects.order_by("position", "pk")),
        )
        .get(pk=roadmap_id)
    )
    _prefetch_objectives(roadmap)
    return roadmap


def _prefetch_objectives(roadmap: Roadmap) -> None:
    prefetch_related_objects(
        [roadmap], Prefetch("objectives", queryset=objectives_in_full(roadmap))
    )


def _is_prefetched(roadmap: Roadmap, name: str) -> bool:
    return name in getattr(roadmap, "_prefetched_objects_cache", {})


def report_kpi(kpi: KPI) -> ReportKPI:
    """Figures, status and chart for one KPI whose measurements are prefetched."""
    measurements = list(kpi.measurements.all())
    assessment = kpi.assess(measurements)
    unit = kpi.unit
    latest = None
    if assessment.judged_on is not None and assessment.latest is not None:
        latest = ValueOnDate(assessment.latest_text(unit), format_date(assessment.judged_on))
    anchor = f"kpi-{kpi.pk}"
    chart = kpi_chart(
        kpi,
        description=assessment.explanation,
        width=CHART_WIDTH,
        height=CHART_HEIGHT,
        id_prefix=f"{anchor}-chart",
    )
    return ReportKPI(
        kpi=kpi,
        anchor=anchor,
        assessment=assessment,
        # As published: "more than 100 in 2023", "at least 190 by 2025".
        baseline=ValueOnDate(kpi.baseline_text, kpi.baseline_when),
        target=ValueOnDate(kpi.target_text, kpi.target_when),
        latest=latest,
        chart=chart,
        overdue=kpi.overdue(measurements),
        measurements=tuple(measurements),
    )


def report_objectives(roadmap: Roadmap) -> list[ReportObjective]:
    if not _is_prefetched(roadmap, "objectives"):
        _prefetch_objectives(roadmap)
    return [
        ReportObjective(
            objective=objective,
            number=number,
            anchor=f"objective-{objective.pk}",
            kpis=[report_kpi(kpi) for kpi in objective.kpis.all()],
        )
        for number, objective in enumerate(roadmap.objectives.all(), start=1)
    ]


@dataclass(frozen=True)
class ReportComponent:
    component: Component
    initiatives: list[Initiative]


@dataclass(frozen=True)
class ReportPlan:
    """The roadmap chapter: the timeline's landscape pages, the critical path, the
    initiatives by component and the health findings."""

    timeline_pages: list[SafeString]
    critical: list[Initiative]
    conflict_count: int
    components: list[ReportComponent]
    findings: list[HealthFinding]
    milestones: list[Milestone]
    risks: list[Risk]  # highest score first
    heat_map: SafeString
    heat_map_rows: list
    heat_map_columns: list[str]

    @property
    def initiative_count(self) -> int:
        return sum(len(part.initiatives) for part in self.components)


# The timeline in print: A4 landscape with 20 mm side margins leaves 257 mm, about
# 970 CSS pixels; 16 rows fill a page under its heading.
TIMELINE_WIDTH = 970
TIMELINE_ROWS_PER_PAGE = 16


def report_plan(roadmap: Roadmap) -> ReportPlan:
    """The plan, in a fixed number of queries however many initiatives it holds."""
    initiatives = list(initiatives_of(roadmap))
    timeline = timeline_of(roadmap, initiatives)
    pages = (
        timeline_pages(
            timeline.lanes,
            timeline.bars,
            timeline.milestones,
            timeline.arrows,
            today=timezone.localdate(),
            financial_year_start_month=roadmap.organisation.financial_year_start_month,
            width=TIMELINE_WIDTH,
            id_prefix="report-timeline",
            title=f"Timeline of {roadmap.title}",
            rows_per_page=TIMELINE_ROWS_PER_PAGE,
        )
        if initiatives
        else []
    )
    by_component: dict[int, list[Initiative]] = {}
    for initiative in sorted(initiatives, key=lambda i: (i.start_month, i.title)):
        by_component.setdefault(initiative.component_id, []).append(initiative)
    by_key = {initiative.pk: initiative for initiative in initiatives}
    milestones = list(roadmap.milestones.order_by("due_date", "pk"))
    for milestone in milestones:
        milestone.initiative = by_key.get(milestone.initiative_id)  # loaded above
    risks = sorted(
        roadmap.risks.select_related("owner").prefetch_related("initiatives"),
        key=lambda risk: (-risk.score, -risk.likelihood, risk.title),
    )
    counts = heat_map((risk.likelihood, risk.impact) for risk in risks)
    return ReportPlan(
        timeline_pages=pages,
        critical=[by_key[key] for key in timeline.critical],
        conflict_count=timeline.conflict_count,
        components=[
            ReportComponent(component, by_component.get(component.pk, []))
            for component in roadmap.components.all()
        ],
        findings=roadmap_findings(roadmap),
        milestones=milestones,
        risks=risks,
        heat_map=risk_heat_map_svg(
            counts,
            title=f"Risks of {roadmap.title} by likelihood and impact",
            id_prefix="report-risks",
        ),
        heat_map_rows=heat_map_rows(counts),
        heat_map_columns=heat_map_columns(),
    )


def _stylesheet() -> str:
    # Inlined so the HTML is self-contained: the same bytes the PDF was made from.
    path = finders.find(REPORT_STYLESHEET)
    return Path(path).read_text(encoding="utf-8")


def render_report_html(
    roadmap: Roadmap,
    *,
    generated_at: datetime,
    version: int,
    options: ReportOptions | None = None,
) -> str:
    objectives = report_objectives(roadmap)
    all_kpis = [kpi for objective in objectives for kpi in objective.kpis]
    words = roadmap.objective_words  # "Mission 1", never "Objective 1: Mission 1"
    context = {
        "roadmap": roadmap,
        "agency": roadmap.organisation,
        "partners": list(roadmap.partners.all()),
        "words": words,
        "objective_count_words": words.count(len(objectives)),
        "principles": list(roadmap.principles.all()),
        "objectives": objectives,
        "kpi_count": len(all_kpis),
        "status_counts": count_by_status(kpi.status for kpi in all_kpis),
        "rule_text": RULE_TEXT,
        "assessment": assessment_chapter(roadmap),
        "overdue_rule_text": OVERDUE_RULE_TEXT,
        "plan": report_plan(roadmap),
        "communications": report_communications(roadmap, options or ReportOptions()),
        "inventory": report_inventory(roadmap),
        "marking": roadmap.organisation.classification_marking,
        "version": version,
        "options": options or ReportOptions(),
        "stakeholders": report_stakeholders(roadmap, options or ReportOptions()),
        "generated_at": timezone.localtime(generated_at),
        "stylesheet": mark_safe(_stylesheet()),  # noqa: S308 - our own static file
    }
    return render_to_string(REPORT_TEMPLATE, context)
