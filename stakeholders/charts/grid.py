"""The power/interest grid as SVG markup, drawn on the server for the page and
the PDF (plain SVG with presentation attributes, see ui/svg.py).

Interest runs along the bottom (1 to 5), influence up the side (1 to 5). The
four quadrants (rules/analysis.py) are tinted and labelled with their strategy
in words. Each point where stakeholders stand is a circle with how many stand
there written in it, so several at one point stay legible; its <title> names
them. The page and the report show the same points as a table.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from ui.svg import AXIS, FONT, FONT_SIZE, FRAME, INK, id_prefix_or, svg_open

from ..rules.analysis import HIGH_FROM, Quadrant, quadrant

CELL = 72  # one step of influence or interest, in pixels
LEFT = 58
TOP = 12
DOT = "#1d70b8"  # white text on it is 5.2:1
# Quadrant tints: decoration behind dark text; the strategy is written in each.
TINTS = {
    Quadrant.MANAGE_CLOSELY: "#f4dcd9",
    Quadrant.KEEP_SATISFIED: "#fbeec4",
    Quadrant.KEEP_INFORMED: "#dbe8f4",
    Quadrant.MONITOR: "#e8f0ea",
}


@dataclass(frozen=True)
class GridPoint:
    label: str  # how the stakeholder is named where the grid is shown
    influence: int
    interest: int


def grid_description(points: list[GridPoint]) -> str:
    if not points:
        return "No stakeholders yet."
    counts = {q: 0 for q in Quadrant}
    for point in points:
        counts[quadrant(point.influence, point.interest)] += 1
    said = ", ".join(f"{counts[q]} {q.label.lower()}" for q in Quadrant)
    total = len(points)
    return f"{total} stakeholder{'s' if total != 1 else ''}: {said}."


def power_interest_svg(
    points: Iterable[GridPoint],
    *,
    title: str = "Power/interest grid",
    id_prefix: str | None = None,
) -> SafeString:
    points = list(points)
    prefix = id_prefix_or(id_prefix, "grid")
    title_id, desc_id = f"{prefix}-title", f"{prefix}-desc"
    size = 5 * CELL
    width = LEFT + size + 12
    height = TOP + size + 52

    def x_of(interest: float) -> float:
        return LEFT + (interest - 0.5) * CELL

    def y_of(influence: float) -> float:
        return TOP + (5.5 - influence) * CELL

    parts = [svg_open(width, height, title_id, desc_id)]
    parts.append(f'<title id="{title_id}">{escape(title)}</title>')
    parts.append(f'<desc id="{desc_id}">{escape(grid_description(points))}</desc>')
    parts.append(f'<g font-family="{FONT}" font-size="{FONT_SIZE}" fill="{INK}">')

    # The quadrants: low is 1 to HIGH_FROM - 1, high is HIGH_FROM to 5.
    split = HIGH_FROM - 0.5
    spans = {"low": (0.5, split), "high": (split, 5.5)}
    for q, (influence_band, interest_band) in {
        Quadrant.MANAGE_CLOSELY: ("high", "high"),
        Quadrant.KEEP_SATISFIED: ("high", "low"),
        Quadrant.KEEP_INFORMED: ("low", "high"),
        Quadrant.MONITOR: ("low", "low"),
    }.items():
        low_i, high_i = spans[interest_band]
        low_f, high_f = spans[influence_band]
        x, y = x_of(low_i), y_of(high_f)
        w, h = (high_i - low_i) * CELL, (high_f - low_f) * CELL
        parts.append(
            f'<g class="grid__quadrant" data-quadrant="{q.value}">'
            f'<rect x="{x:g}" y="{y:g}" width="{w:g}" height="{h:g}" fill="{TINTS[q]}" '
            f'stroke="{FRAME}"/>'
            f'<text x="{x + 6:g}" y="{y + 16:g}" font-weight="bold">{q.label}</text></g>'
        )

    # Axes: a number under each column and beside each row, then their titles.
    for n in range(1, 6):
        parts.append(
            f'<text x="{x_of(n):g}" y="{TOP + size + 16:g}" text-anchor="middle" '
            f'fill="{AXIS}">{n}</text>'
            f'<text x="{LEFT - 8:g}" y="{y_of(n) + 4:g}" text-anchor="end" fill="{AXIS}">{n}</text>'
        )
    parts.append(
        f'<text x="{LEFT + size / 2:g}" y="{TOP + size + 36:g}" text-anchor="middle" '
        f'font-weight="bold">Interest</text>'
    )
    middle = TOP + size / 2
    parts.append(
        f'<text x="16" y="{middle:g}" text-anchor="middle" font-weight="bold" '
        f'transform="rotate(-90 16 {middle:g})">Influence</text>'
    )

    # The stakeholders: one circle per point, with how many stand there.
    at: dict[tuple[int, int], list[str]] = defaultdict(list)
    for point in points:
        at[(point.interest, point.influence)].append(point.label)
    for (interest, influence), labels in sorted(at.items()):
        cx, cy = x_of(interest), y_of(influence)
        radius = 11 if len(labels) < 10 else 14
        names = "; ".join(sorted(labels, key=str.casefold))
        said = f"Influence {influence}, interest {interest}: {len(labels)} ({names})"
        parts.append(
            f'<g class="grid__point" data-influence="{influence}" data-interest="{interest}" '
            f'data-count="{len(labels)}"><title>{escape(said)}</title>'
            f'<circle cx="{cx:g}" cy="{cy:g}" r="{radius}" fill="{DOT}" stroke="#ffffff" '
            f'stroke-width="2"/>'
            f'<text x="{cx:g}" y="{cy + 4:g}" text-anchor="middle" fill="#ffffff" '
            f'font-weight="bold">{len(labels)}</text></g>'
        )
    parts.append("</g></svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every user text above is escaped
