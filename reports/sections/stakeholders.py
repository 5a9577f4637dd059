"""The report's "Stakeholder engagement" chapter: the power/interest grid, the
counts by level and attitude and the engagement gaps that matter most, in one
query.

Individuals are named only when the person exporting chose so
(`ReportOptions.name_individuals`); otherwise a group is named and a person is
shown by role and organisation only.
"""

from collections import Counter
from typing import Any

from roadmap.models import Roadmap
from stakeholders.charts.grid import grid_description, power_interest_svg
from stakeholders.models import Attitude, Level, Stakeholder
from stakeholders.rules.analysis import GAP_RULE_TEXT, GRID_RULE_TEXT, Quadrant
from stakeholders.selectors.analysis import engagement_gaps, grid_points, placed

from ..options import ReportOptions

TOP_GAPS = 10


def shown_name(entry: Stakeholder, *, name_individuals: bool) -> str:
    """How the report names an entry: a group by its name; a person by name only
    when chosen, otherwise by role and organisation."""
    if entry.is_group or name_individuals:
        return entry.name
    said = ", ".join(part for part in (entry.role, entry.organisation) if part)
    return said or f"A person ({entry.get_level_display().lower()})"


def report_stakeholders(roadmap: Roadmap, options: ReportOptions) -> dict[str, Any]:
    entries = list(roadmap.stakeholders.order_by("position", "pk"))
    names = {
        entry.pk: shown_name(entry, name_individuals=options.name_individuals) for entry in entries
    }
    points = grid_points(entries, label=lambda entry: names[entry.pk])
    levels = Counter(entry.level for entry in entries)
    attitudes = Counter(entry.attitude for entry in entries)
    by_quadrant = Counter(row.quadrant for row in placed(entries))
    return {
        "count": len(entries),
        "grid": power_interest_svg(points, id_prefix="report-grid") if entries else "",
        "grid_description": grid_description(points),
        "grid_rule": GRID_RULE_TEXT,
        "quadrants": [(q, by_quadrant[q]) for q in Quadrant],
        "by_level": [(label, levels[value]) for value, label in Level.choices if levels[value]],
        "by_attitude": [
            (label, attitudes[value]) for value, label in Attitude.choices if attitudes[value]
        ],
        "gaps": [
            (names[entry.pk], entry, gap) for entry, gap in engagement_gaps(entries)[:TOP_GAPS]
        ],
        "gap_count": len(engagement_gaps(entries)),
        "gap_rule": GAP_RULE_TEXT,
        "names_individuals": options.name_individuals,
    }
