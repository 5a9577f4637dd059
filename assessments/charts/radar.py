"""The radar chart of an assessment's results: current against target level per
dimension, drawn on the server as plain SVG (no style attribute, <style> or
script), the same markup for the results page and the PDF report.

Each dimension is an axis from the centre (level 0) to the rim (level 5), with
rings at levels 1 to 5 labelled once. Current is a solid line with round
markers, target a dashed line with square markers, and the legend says so in
words: the two never differ by colour alone. A dimension nobody answered has no
marker and its label says "not answered". The chart is `role="img"` with a
<title> and a <desc>; pages show the dimension table beside it as its text
alternative.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from ui.svg import AXIS, FONT, FONT_SIZE, GRID, INK, id_prefix_or, svg_open, text_width

from ..rules.results import level_text

CURRENT = "#1d4f91"  # 8.4:1 on white
TARGET = "#0b0c0c"
RADIUS = 140
LABEL_GAP = 14
LINE_CHARACTERS = 16  # a label wraps at about this many characters a line
WIDTH = 560


@dataclass(frozen=True)
class RadarAxis:
    name: str
    current: Decimal | None
    target: Decimal | None


def _wrap(text: str) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= LINE_CHARACTERS:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines


def describe(axes: list[RadarAxis]) -> str:
    answered = [a for a in axes if a.current is not None and a.target is not None]
    if not answered:
        return "No answers yet."
    biggest = max(answered, key=lambda a: a.target - a.current)  # type: ignore[operator]
    text = (
        f"Current and target maturity, from 1 to 5, for {len(axes)} dimensions. "
        f"The biggest gap is {biggest.name}: {level_text(biggest.current)} now against "
        f"{level_text(biggest.target)} targeted."
    )
    if len(answered) < len(axes):
        text += f" {len(axes) - len(answered)} not answered."
    return text


def radar_svg(
    axes: list[RadarAxis],
    *,
    title: str = "Maturity by dimension: current and target",
    id_prefix: str | None = None,
) -> SafeString:
    prefix = id_prefix_or(id_prefix, "radar")
    title_id, desc_id = f"{prefix}-title", f"{prefix}-desc"
    count = max(len(axes), 1)
    line = FONT_SIZE + 2
    label_room = 3 * line + LABEL_GAP  # up to three lines above or below the rim
    cx = WIDTH / 2
    cy = label_room + RADIUS + 8
    legend_y = cy + RADIUS + label_room + 8
    height = int(legend_y + 2 * (FONT_SIZE + 10) + 8)

    def point(index: int, level: Decimal | float) -> tuple[float, float]:
        angle = -math.pi / 2 + 2 * math.pi * index / count
        r = RADIUS * float(level) / 5
        return cx + r * math.cos(angle), cy + r * math.sin(angle)

    parts = [svg_open(WIDTH, height, title_id, desc_id)]
    parts.append(f'<title id="{title_id}">{escape(title)}</title>')
    parts.append(f'<desc id="{desc_id}">{escape(describe(axes))}</desc>')
    parts.append(f'<g font-family="{FONT}" font-size="{FONT_SIZE}" fill="{INK}">')

    # Rings at levels 1 to 5 and a spoke per dimension: decoration, the labels carry the values.
    for level in range(1, 6):
        ring = " ".join(f"{x:.1f},{y:.1f}" for x, y in (point(i, level) for i in range(count)))
        parts.append(f'<polygon points="{ring}" fill="none" stroke="{GRID}" stroke-width="1"/>')
        x, y = point(0, level)
        parts.append(
            f'<text x="{x + 4:.1f}" y="{y + 4:.1f}" font-size="10" fill="{AXIS}">{level}</text>'
        )
    for index, axis in enumerate(axes):
        x, y = point(index, 5)
        parts.append(
            f'<line x1="{cx:.1f}" y1="{cy:.1f}" x2="{x:.1f}" y2="{y:.1f}" stroke="{GRID}"/>'
        )
        # The label, outside the rim, anchored away from the centre.
        lx, ly = point(index, 5 + 5 * LABEL_GAP / RADIUS)
        anchor = "middle" if abs(lx - cx) < 20 else ("start" if lx > cx else "end")
        lines = _wrap(axis.name)
        if axis.current is None:
            lines.append("(not answered)")
        if ly < cy - RADIUS * 0.5:
            first_y = ly - (len(lines) - 1) * line
        elif ly > cy + RADIUS * 0.5:
            first_y = ly + FONT_SIZE
        else:
            first_y = ly - (len(lines) - 1) * line / 2 + FONT_SIZE * 0.35
        spans = "".join(
            f'<tspan x="{lx:.1f}" y="{first_y + n * line:.1f}">{escape(text)}</tspan>'
            for n, text in enumerate(lines)
        )
        parts.append(f'<text class="radar__label" text-anchor="{anchor}">{spans}</text>')

    # The two series: target (dashed, squares) under current (solid, circles).
    for name, colour, dash, marker in (
        ("target", TARGET, ' stroke-dasharray="6 4"', "square"),
        ("current", CURRENT, "", "circle"),
    ):
        points = [
            (index, getattr(axis, name))
            for index, axis in enumerate(axes)
            if getattr(axis, name) is not None
        ]
        coords = [point(index, value) for index, value in points]
        if len(coords) >= 2:
            shape = "polygon" if len(coords) >= 3 else "polyline"
            text = " ".join(f"{x:.1f},{y:.1f}" for x, y in coords)
            parts.append(
                f'<{shape} class="radar__{name}" points="{text}" fill="none" '
                f'stroke="{colour}" stroke-width="2.5"{dash}/>'
            )
        for (index, value), (x, y) in zip(points, coords, strict=True):
            label = f"{axes[index].name}, {name}: {level_text(value)}"
            parts.append(
                f'<g class="radar__marker radar__marker--{name}"><title>{escape(label)}</title>'
            )
            parts.append(_marker(marker, x, y, colour))
            parts.append("</g>")

    # The legend: line style and marker shape, and the words.
    for row, (text, colour, dash, marker) in enumerate(
        (
            ("Current level (solid line, round markers)", CURRENT, "", "circle"),
            (
                "Target level (dashed line, square markers)",
                TARGET,
                ' stroke-dasharray="6 4"',
                "square",
            ),
        )
    ):
        y = legend_y + row * (FONT_SIZE + 10)
        x = cx - (text_width(text) + 44) / 2
        parts.append(
            f'<line x1="{x:.1f}" y1="{y:.1f}" x2="{x + 32:.1f}" y2="{y:.1f}" '
            f'stroke="{colour}" stroke-width="2.5"{dash}/>'
        )
        parts.append(_marker(marker, x + 16, y, colour))
        parts.append(f'<text x="{x + 42:.1f}" y="{y + FONT_SIZE * 0.35:.1f}">{escape(text)}</text>')
    parts.append("</g></svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every text above is escaped


def _marker(shape: str, x: float, y: float, colour: str) -> str:
    if shape == "circle":
        return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4.5" fill="{colour}"/>'
    return f'<rect x="{x - 4.5:.1f}" y="{y - 4.5:.1f}" width="9" height="9" fill="{colour}"/>'
