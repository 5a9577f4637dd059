"""KPI trend charts as SVG markup, drawn on the server.

The same functions serve the web pages and the PDF report (WeasyPrint), so
they use only what both understand: plain SVG with presentation attributes
(fill, stroke, font-size, ...). There are no `style` attributes, no <style>
element and no scripts, because the site's Content Security Policy forbids
inline styles and scripts.

Every chart is `role="img"` with its own <title> and <desc>, named by
`aria-labelledby`, with ids unique to the chart so several charts can share a
page. Meaning never rests on colour alone: the measurements are a solid line
with dots, the plan is dashed, the target line is labelled "Target" and the
baseline is a hollow square. Every colour has at least 3:1 contrast on white.
The page shows the numbers themselves in a data table beside the chart.

Text that comes from users (title, description, unit) is escaped.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from decimal import Decimal

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from ui.formatting import format_date, format_value
from ui.periods import period_end
from ui.svg import (
    AXIS,
    FONT,
    FONT_SIZE,
    FRAME,
    GRID,
    INK,
    date_ticks,
    id_prefix_or,
    svg_open,
    text_width,
    value_ticks,
)

from ..models import KPI
from ..rules.kpi_values import format_qualified

Point = tuple[date, Decimal]

MEASURED = "#1d4f91"  # the measurements, 8.4:1
PLAN = "#505a5f"  # the planned line and the baseline marker, 7:1
TARGET = "#00703c"  # the target line, 5.9:1
SPARK_TARGET = "#6f777b"  # 4.6:1

# Tick labels longer than this leave the unit out; it is shown once above the axis.
MAX_TICK_LABEL_CHARS = 12
LEGEND_ROW = 20


def kpi_sparkline_svg(
    *,
    points: Sequence[Point],
    baseline: Point | None,
    target: Point | None,
    title: str,
    width: int = 120,
    height: int = 32,
    unit: str = "",
    target_text: str = "",
    id_prefix: str | None = None,
) -> SafeString:
    """A tiny trend line for lists: the measurements, a faint dashed target line and a
    dot on the latest measurement. No axes. With no measurements, an empty frame."""
    prefix = id_prefix_or(id_prefix, "spark")
    points, texts = _split(points, unit)
    title_id, desc_id = f"{prefix}-title", f"{prefix}-desc"
    parts = [svg_open(width, height, title_id, desc_id)]
    parts.append(f'<title id="{title_id}">{escape(title)}</title>')
    if not points:
        parts.append(f'<desc id="{desc_id}">No measurements yet.</desc>')
        parts.append(
            f'<rect x="0.5" y="0.5" width="{width - 1}" height="{height - 1}" fill="none" '
            f'stroke="{FRAME}" stroke-width="1"/>'
        )
        parts.append(
            f'<text x="{width / 2:g}" y="{height / 2 + 3.5:g}" text-anchor="middle" '
            f'font-family="{FONT}" font-size="10" fill="{INK}">No data</text>'
        )
        parts.append("</svg>")
        return mark_safe("".join(parts))  # noqa: S308 - every user text above is escaped

    latest_day, latest_value = points[-1]
    if target and not target_text:
        target_text = f"{format_value(target[1], unit)} by {format_date(target[0])}"
    aim = f"Target {target_text}." if target else "Tracked without a target."
    description = (
        f"{len(points)} measurement{'s' if len(points) != 1 else ''}; the latest, "
        f"{texts[-1]} on {format_date(latest_day)}. {aim}"
    )
    parts.append(f'<desc id="{desc_id}">{escape(description)}</desc>')

    pad = 3.0
    values = [value for _, value in points] + [p[1] for p in (baseline, target) if p]
    low, high = min(values), max(values)
    if low == high:
        low, high = low - 1, high + 1
    first_day, last_day = points[0][0], points[-1][0]
    span_days = (last_day - first_day).days

    def x_of(day: date) -> float:
        if span_days == 0:
            return width / 2
        return pad + (day - first_day).days / span_days * (width - 2 * pad)

    def y_of(value: Decimal) -> float:
        return pad + float((high - value) / (high - low)) * (height - 2 * pad)

    if target:
        target_y = y_of(target[1])
        parts.append(
            f'<line x1="{pad:g}" y1="{target_y:.2f}" x2="{width - pad:g}" y2="{target_y:.2f}" '
            f'stroke="{SPARK_TARGET}" stroke-width="1" stroke-dasharray="2 2"/>'
        )
    if len(points) > 1:
        coordinates = " ".join(f"{x_of(d):.2f},{y_of(v):.2f}" for d, v in points)
        parts.append(
            f'<polyline points="{coordinates}" fill="none" stroke="{MEASURED}" '
            'stroke-width="1.5" stroke-linejoin="round" stroke-linecap="round"/>'
        )
    parts.append(
        f'<circle cx="{x_of(latest_day):.2f}" cy="{y_of(latest_value):.2f}" r="2.5" '
        f'fill="{MEASURED}"/>'
    )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every user text above is escaped


def kpi_chart_svg(
    *,
    points: Sequence[Point],
    baseline: Point | None,
    target: Point | None,
    title: str,
    description: str,
    unit: str = "",
    target_text: str = "",
    whole: bool = False,
    width: int = 640,
    height: int = 320,
    id_prefix: str | None = None,
) -> SafeString:
    """The full trend chart for a KPI page and the report: dated x axis, value y axis,
    the planned line (dashed), the target line (labelled), the measurements (solid
    line with dots) and the baseline (hollow square), with a legend above. `whole`:
    the KPI counts whole things, so the value axis has whole-number ticks only."""
    prefix = id_prefix_or(id_prefix, "kpi-chart")
    points, texts = _split(points, unit)
    ends = [p for p in (baseline, target) if p]
    title_id, desc_id = f"{prefix}-title", f"{prefix}-desc"

    # The y axis: nice round ticks around everything drawn, with some room.
    values = [value for _, value in points] + [value for _, value in ends]
    if not values:  # tracked, nothing measured, no baseline: an empty axis
        values = [Decimal(0), Decimal(1)]
    # A percentage that never passes 100 gets no "120%" tick.
    ceiling = Decimal(100) if unit.strip().startswith("%") else None
    ticks = value_ticks(min(values), max(values), ceiling=ceiling, whole=whole)
    y_low, y_high = ticks[0], ticks[-1]
    tick_labels = [format_value(tick, unit) for tick in ticks]
    axis_caption = ""
    if unit.strip() and max(len(label) for label in tick_labels) > MAX_TICK_LABEL_CHARS:
        tick_labels = [format_value(tick) for tick in ticks]
        axis_caption = unit.strip()

    # The plot area inside the margins: room for the value labels on the left, half
    # a date label either side, "Target" on the right, the legend above and the dates
    # below.
    target_label = "Target" if target else ""
    half_date = text_width("00 Mmm 0000") / 2 + 4
    left = max(text_width(max(tick_labels, key=len)) + 14, half_date)
    right = width - max(text_width(target_label) + 14, half_date)
    keys = ["Measured"] + (["Planned"] if baseline and target else [])
    keys += (["Baseline"] if baseline else []) + (["Target"] if target else [])
    legend, legend_y = _legend(left, 16, width - 8, keys)
    caption_y = legend_y + 12 + FONT_SIZE
    top = (caption_y if axis_caption else legend_y) + 18
    bottom = height - (FONT_SIZE + 16)
    plot_width, plot_height = right - left, bottom - top

    # The x axis: every date drawn, widened if all fall on one day.
    days = [day for day, _ in points] + [day for day, _ in ends] or [date.today()]
    first_day, last_day = min(days), max(days)
    if first_day == last_day:
        first_day, last_day = first_day - timedelta(days=15), last_day + timedelta(days=15)
    span_days = (last_day - first_day).days

    def x_of(day: date) -> float:
        return left + (day - first_day).days / span_days * plot_width

    def y_of(value: Decimal) -> float:
        return top + float((y_high - value) / (y_high - y_low)) * plot_height

    parts = [svg_open(width, height, title_id, desc_id)]
    parts.append(f'<title id="{title_id}">{escape(title)}</title>')
    parts.append(f'<desc id="{desc_id}">{escape(description)}</desc>')
    parts.append(f'<g font-family="{FONT}" font-size="{FONT_SIZE}" fill="{INK}">')

    parts.append(legend)
    if axis_caption:
        room = int((width - 16) // text_width("M"))
        if len(axis_caption) > room:
            axis_caption = axis_caption[: room - 1].rstrip() + "…"
        parts.append(
            f'<text class="kpi-chart__unit" x="8" y="{caption_y:g}">{escape(axis_caption)}</text>'
        )

    # Grid lines and value labels.
    for tick, label in zip(ticks, tick_labels, strict=True):
        y = y_of(tick)
        parts.append(
            f'<line x1="{left:g}" y1="{y:.2f}" x2="{right:g}" y2="{y:.2f}" '
            f'stroke="{GRID}" stroke-width="1"/>'
        )
        parts.append(
            f'<text class="kpi-chart__value-label" x="{left - 8:g}" '
            f'y="{y + FONT_SIZE * 0.35:.2f}" text-anchor="end">{escape(label)}</text>'
        )

    # Date ticks and labels.
    for day, label in date_ticks(first_day, last_day, plot_width):
        x = x_of(day)
        parts.append(
            f'<line x1="{x:.2f}" y1="{bottom:g}" x2="{x:.2f}" y2="{bottom + 5:g}" '
            f'stroke="{AXIS}" stroke-width="1"/>'
        )
        parts.append(
            f'<text class="kpi-chart__date-label" x="{x:.2f}" y="{bottom + 7 + FONT_SIZE:g}" '
            f'text-anchor="middle">{escape(label)}</text>'
        )

    # The axes themselves.
    parts.append(
        f'<line class="kpi-chart__x-axis" x1="{left:g}" y1="{bottom:g}" x2="{right:g}" '
        f'y2="{bottom:g}" stroke="{AXIS}" stroke-width="1"/>'
    )
    parts.append(
        f'<line class="kpi-chart__y-axis" x1="{left:g}" y1="{top:g}" x2="{left:g}" '
        f'y2="{bottom:g}" stroke="{AXIS}" stroke-width="1"/>'
    )

    # The target line, across the whole plot, labelled in the right margin.
    if target:
        target_y = y_of(target[1])
        parts.append(
            f'<line class="kpi-chart__target" x1="{left:g}" y1="{target_y:.2f}" '
            f'x2="{right:g}" y2="{target_y:.2f}" stroke="{TARGET}" stroke-width="2"/>'
        )
        parts.append(
            f'<text class="kpi-chart__target-label" x="{right + 8:g}" '
            f'y="{target_y + FONT_SIZE * 0.35:.2f}" fill="{TARGET}" font-weight="bold">'
            f"{target_label}</text>"
        )

    # The plan: a dashed straight line from baseline to target (none without both).
    if baseline and target:
        parts.append(
            f'<line class="kpi-chart__plan" x1="{x_of(baseline[0]):.2f}" '
            f'y1="{y_of(baseline[1]):.2f}" x2="{x_of(target[0]):.2f}" '
            f'y2="{y_of(target[1]):.2f}" stroke="{PLAN}" stroke-width="2" '
            'stroke-dasharray="7 5"/>'
        )
    if baseline:
        parts.append(_baseline_marker(x_of(baseline[0]), y_of(baseline[1])))

    # The measurements: a solid line with a dot on each.
    if len(points) > 1:
        coordinates = " ".join(f"{x_of(d):.2f},{y_of(v):.2f}" for d, v in points)
        parts.append(
            f'<polyline class="kpi-chart__measured" points="{coordinates}" fill="none" '
            f'stroke="{MEASURED}" stroke-width="2.5" stroke-linejoin="round"/>'
        )
    for (day, value), text in zip(points, texts, strict=True):
        point_text = f"{format_date(day)}: {text}"
        parts.append(
            f'<circle class="kpi-chart__point" cx="{x_of(day):.2f}" cy="{y_of(value):.2f}" '
            f'r="4" fill="{MEASURED}" stroke="#ffffff" stroke-width="1">'
            f"<title>{escape(point_text)}</title></circle>"
        )

    parts.append("</g></svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every user text above is escaped


# Helpers ------------------------------------------------------------------


def _sorted(points: Sequence[Point]) -> list[Point]:
    # Stable: measurements on the same day keep the order they were given.
    return sorted(points, key=lambda point: point[0])


def _split(points: Sequence[tuple], unit: str) -> tuple[list[Point], list[str]]:
    """Points sorted by date (each (date, value) or (date, value, qualifier)), and
    each value as published: "more than 100 services"."""
    ordered = _sorted(points)
    texts = [format_qualified(p[1], unit, p[2] if len(p) > 2 else "") for p in ordered]
    return [(p[0], p[1]) for p in ordered], texts


def _legend(x_start: float, y: float, x_end: float, keys: Sequence[str] = ()) -> tuple[str, float]:
    """Measured, Planned, Baseline and Target, each drawn as it is in the chart; the
    markup and the y of the last row (a row wraps when the next key would not fit)."""
    parts = []
    half = FONT_SIZE * 0.35
    x = x_start
    for name in keys or ("Measured", "Planned", "Baseline", "Target"):
        if x > x_start and x + 30 + text_width(name) > x_end:
            x, y = x_start, y + LEGEND_ROW
        if name == "Measured":
            parts.append(
                f'<line x1="{x:g}" y1="{y:g}" x2="{x + 24:g}" y2="{y:g}" stroke="{MEASURED}" '
                f'stroke-width="2.5"/><circle cx="{x + 12:g}" cy="{y:g}" r="4" '
                f'fill="{MEASURED}" stroke="#ffffff" stroke-width="1"/>'
            )
        elif name == "Planned":
            parts.append(
                f'<line x1="{x:g}" y1="{y:g}" x2="{x + 24:g}" y2="{y:g}" stroke="{PLAN}" '
                'stroke-width="2" stroke-dasharray="7 5"/>'
            )
        elif name == "Baseline":
            parts.append(_baseline_marker(x + 12, y, css_class="kpi-chart__legend-baseline"))
        else:
            parts.append(
                f'<line x1="{x:g}" y1="{y:g}" x2="{x + 24:g}" y2="{y:g}" stroke="{TARGET}" '
                'stroke-width="2"/>'
            )
        parts.append(f'<text x="{x + 30:g}" y="{y + half:g}">{name}</text>')
        x += 30 + text_width(name) + 18
    return "".join(parts), y


def _baseline_marker(x: float, y: float, *, css_class: str = "kpi-chart__baseline") -> str:
    return (
        f'<rect class="{css_class}" x="{x - 4.5:.2f}" y="{y - 4.5:.2f}" width="9" '
        f'height="9" fill="#ffffff" stroke="{PLAN}" stroke-width="2"/>'
    )


# Charts of a KPI model, from its prefetched measurements -------------------


def _plan(kpi: KPI) -> dict:
    """A rough target date is drawn at the end of its period ("by 2025": 31
    December 2025); an unknown baseline or a missing target is not drawn."""
    known = kpi.baseline_value is not None and kpi.baseline_date is not None
    aimed = kpi.target_value is not None and kpi.target_date is not None
    return {
        "points": [(m.date, m.value, m.value_qualifier) for m in kpi.measurements.all()],
        "baseline": (kpi.baseline_date, kpi.baseline_value) if known else None,
        "target": (period_end(kpi.target_date, kpi.target_precision), kpi.target_value)
        if aimed
        else None,
        "unit": kpi.unit,
        "target_text": f"{kpi.target_text} {kpi.target_when}" if aimed else "",
    }


def kpi_chart(kpi: KPI, *, description: str, width: int, height: int, id_prefix: str) -> SafeString:
    """The full trend chart: measurements against the planned line and the target."""
    return kpi_chart_svg(
        **_plan(kpi),
        whole=kpi.counts_whole_things,
        title=f"{kpi.name}: measurements against the plan",
        description=description,
        width=width,
        height=height,
        id_prefix=id_prefix,
    )


def kpi_sparkline(kpi: KPI) -> SafeString:
    """The small trend line for lists."""
    return kpi_sparkline_svg(
        **_plan(kpi), title=f"Trend of {kpi.name}", id_prefix=f"kpi-{kpi.pk}-spark"
    )
