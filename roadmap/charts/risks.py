"""The 5 x 5 risk heat map as SVG markup, drawn on the server, and the rows of the
data table that is its text alternative.

The same function serves the web pages and the PDF report (WeasyPrint): plain
SVG with presentation attributes, no `style` attribute, <style> element or
script (see `roadmap.charts.kpis` and `ui.svg`).

Rows are impact from 5 (top) to 1, columns likelihood from 1 (left) to 5, as
`roadmap.rules.risks.heat_map` counts them. Each cell shows its count as text
and its level ("High", "Medium", "Low") as a word, so the tint of the cell is
never the only sign of how serious it is; each cell also has its own <title>
saying the whole cell in words. The chart is `role="img"` with a <title> and a
<desc> (how many risks, and how many at each level), and the page or report
shows `heat_map_rows` as a table beside it.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from ui.svg import AXIS, FONT, FONT_SIZE, INK, id_prefix_or, svg_open, text_width

from ..rules.risks import (
    IMPACT_LABELS,
    IMPACT_ROWS,
    LIKELIHOOD_COLUMNS,
    LIKELIHOOD_LABELS,
    HeatMap,
    RiskLevel,
    risk_level,
)

# Cell tints: decoration behind dark text (every text on them is 12:1 or more); the
# level is written in each cell, so the tint never carries meaning alone.
TINTS = {
    RiskLevel.LOW: "#d2e8d9",
    RiskLevel.MEDIUM: "#ffe9a6",
    RiskLevel.HIGH: "#f7c9c4",
}
CELL_WIDTH = 72
CELL_HEIGHT = 52
CELL_GAP = 3
LABEL_FONT_SIZE = 11


@dataclass(frozen=True)
class HeatMapCell:
    likelihood: int
    impact: int
    score: int
    level: RiskLevel
    count: int

    @property
    def description(self) -> str:
        """The cell in words: "Likely (4) and severe (5), score 20, high: 2 risks"."""
        return (
            f"{LIKELIHOOD_LABELS[self.likelihood]} ({self.likelihood}) and "
            f"{IMPACT_LABELS[self.impact].lower()} ({self.impact}), score {self.score}, "
            f"{self.level.value}: {_risks(self.count)}"
        )


@dataclass(frozen=True)
class HeatMapRow:
    impact: int
    label: str  # "5 Severe"
    cells: tuple[HeatMapCell, ...]  # likelihood 1 to 5


def heat_map_rows(counts: HeatMap) -> list[HeatMapRow]:
    """The table alternative: one row per impact, 5 first, each with a cell per
    likelihood, 1 first. Column headings are `heat_map_columns()`."""
    _check(counts)
    rows = []
    for row, impact in zip(counts, IMPACT_ROWS, strict=True):
        cells = tuple(
            HeatMapCell(
                likelihood=likelihood,
                impact=impact,
                score=likelihood * impact,
                level=risk_level(likelihood * impact),
                count=count,
            )
            for likelihood, count in zip(LIKELIHOOD_COLUMNS, row, strict=True)
        )
        rows.append(HeatMapRow(impact, f"{impact} {IMPACT_LABELS[impact]}", cells))
    return rows


def heat_map_columns() -> list[str]:
    """The table's column headings after the impact column: "1 Rare" ... "5 Almost certain"."""
    return [f"{likelihood} {LIKELIHOOD_LABELS[likelihood]}" for likelihood in LIKELIHOOD_COLUMNS]


def heat_map_description(counts: HeatMap) -> str:
    """ "12 risks: 3 high, 5 medium and 4 low." or "No risks yet." """
    rows = heat_map_rows(counts)
    by_level = dict.fromkeys((RiskLevel.HIGH, RiskLevel.MEDIUM, RiskLevel.LOW), 0)
    for row in rows:
        for cell in row.cells:
            by_level[cell.level] += cell.count
    total = sum(by_level.values())
    if not total:
        return "No risks yet."
    high, medium, low = by_level.values()
    return f"{_risks(total)}: {high} high, {medium} medium and {low} low."


def risk_heat_map_svg(
    counts: HeatMap,
    *,
    title: str = "Risks by likelihood and impact",
    description: str | None = None,
    id_prefix: str | None = None,
) -> SafeString:
    """The heat map: impact up the side (5 at the top), likelihood along the bottom
    (5 on the right), a count and a level word in every cell."""
    rows = heat_map_rows(counts)
    prefix = id_prefix_or(id_prefix, "risk-map")
    title_id, desc_id = f"{prefix}-title", f"{prefix}-desc"
    if description is None:
        description = heat_map_description(counts)

    row_labels = [row.label for row in rows]
    left = max(text_width(label) for label in [*row_labels, "Impact"]) + 16
    names = {n: LIKELIHOOD_LABELS[n].split() for n in LIKELIHOOD_COLUMNS}  # a word a line
    widest = max(text_width(word, LABEL_FONT_SIZE) for words in names.values() for word in words)
    cell_width = max(CELL_WIDTH, round(widest + 10))
    name_lines = max(len(words) for words in names.values())
    line = LABEL_FONT_SIZE + 2
    top = FONT_SIZE + 14  # room for the "Impact" heading
    grid_bottom = top + 5 * CELL_HEIGHT
    width = int(left + 5 * cell_width + 8)
    height = int(grid_bottom + 8 + LABEL_FONT_SIZE + line * name_lines + 6 + FONT_SIZE + 10)

    parts = [svg_open(width, height, title_id, desc_id)]
    parts.append(f'<title id="{title_id}">{escape(title)}</title>')
    parts.append(f'<desc id="{desc_id}">{escape(description)}</desc>')
    parts.append(f'<g font-family="{FONT}" font-size="{FONT_SIZE}" fill="{INK}">')

    # Impact: a heading over the row labels, a label beside each row.
    parts.append(
        f'<text class="risk-map__axis-title" x="{left - 10:g}" y="{FONT_SIZE + 2:g}" '
        f'text-anchor="end" font-weight="bold">Impact</text>'
    )
    for index, row in enumerate(rows):
        y = top + index * CELL_HEIGHT + CELL_HEIGHT / 2 + FONT_SIZE * 0.35
        parts.append(
            f'<text class="risk-map__impact-label" x="{left - 10:g}" y="{y:g}" '
            f'text-anchor="end">{row.label}</text>'
        )

    # The cells.
    for index, row in enumerate(rows):
        y = top + index * CELL_HEIGHT
        for column, cell in enumerate(row.cells):
            x = left + column * cell_width
            middle = x + cell_width / 2
            # An empty cell's 0 is smaller and grey, so the cells that hold risks stand out.
            look = ' font-size="17" font-weight="bold"' if cell.count else ' font-size="14"'
            count_fill = INK if cell.count else AXIS
            parts.append(
                f'<g class="risk-map__cell" data-likelihood="{cell.likelihood}" '
                f'data-impact="{cell.impact}" data-level="{cell.level.value}">'
                f"<title>{escape(cell.description)}</title>"
                f'<rect x="{x + CELL_GAP / 2:g}" y="{y + CELL_GAP / 2:g}" '
                f'width="{cell_width - CELL_GAP:g}" height="{CELL_HEIGHT - CELL_GAP:g}" '
                f'fill="{TINTS[cell.level]}"/>'
                f'<text class="risk-map__count" x="{middle:g}" y="{y + 24:g}" '
                f'text-anchor="middle" fill="{count_fill}"{look}>'
                f"{cell.count}</text>"
                f'<text class="risk-map__level" x="{middle:g}" y="{y + 41:g}" '
                f'text-anchor="middle" font-size="{LABEL_FONT_SIZE}">{cell.level.label}</text>'
                "</g>"
            )

    # Likelihood: a number and a name (a word a line) under each column, then the title.
    for column, likelihood in enumerate(LIKELIHOOD_COLUMNS):
        middle = left + column * cell_width + cell_width / 2
        first = grid_bottom + 8 + LABEL_FONT_SIZE
        lines = "".join(
            f'<tspan x="{middle:g}" dy="{line}">{word}</tspan>' for word in names[likelihood]
        )
        parts.append(
            f'<text class="risk-map__likelihood-label" x="{middle:g}" y="{first:g}" '
            f'text-anchor="middle" font-size="{LABEL_FONT_SIZE}">'
            f'<tspan x="{middle:g}">{likelihood}</tspan>{lines}</text>'
        )
    parts.append(
        f'<text class="risk-map__axis-title" x="{left + 5 * cell_width / 2:g}" '
        f'y="{height - 8:g}" text-anchor="middle" font-weight="bold">Likelihood</text>'
    )
    parts.append("</g></svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every user text above is escaped


def _risks(count: int) -> str:
    return f"{count} risk{'s' if count != 1 else ''}"


def _check(counts: HeatMap) -> None:
    if len(counts) != len(IMPACT_ROWS) or any(len(row) != 5 for row in counts):
        raise ValueError("A heat map is 5 rows (impact 5 to 1) of 5 counts (likelihood 1 to 5).")
    if any(isinstance(n, bool) or not isinstance(n, int) or n < 0 for row in counts for n in row):
        raise ValueError("Every count in a heat map is a whole number, 0 or more.")
