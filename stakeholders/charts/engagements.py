"""A stakeholder's sentiment over time as a small SVG line chart.

Plain SVG with presentation attributes only (no style, no script), so it works
under the site's Content Security Policy and in the PDF. The values are named
in words on the axis ("Very negative" to "Very positive"), each interaction is
a dot on a solid line, and the page shows the same points in a table.
"""

from collections.abc import Sequence
from datetime import date, timedelta

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from ui.formatting import format_date
from ui.svg import AXIS, FONT, FONT_SIZE, GRID, INK, date_ticks, id_prefix_or, svg_open, text_width

from ..rules.engagements import SENTIMENT_MAX, SENTIMENT_MIN, SENTIMENT_WORDS

LINE = "#1d4f91"  # 8.4:1 on white


def trend_description(points: Sequence[tuple[date, int]]) -> str:
    if not points:
        return "No interactions logged yet."
    first, last = points[0], points[-1]
    count = f"{len(points)} interaction{'s' if len(points) != 1 else ''}"
    if len(points) == 1:
        return f"{count}: {SENTIMENT_WORDS[last[1]].lower()} on {format_date(last[0])}."
    return (
        f"{count} from {format_date(first[0])} to {format_date(last[0])}: "
        f"{SENTIMENT_WORDS[first[1]].lower()} at first, "
        f"{SENTIMENT_WORDS[last[1]].lower()} most recently."
    )


def sentiment_trend_svg(
    points: Sequence[tuple[date, int]],
    *,
    title: str,
    width: int = 560,
    height: int = 220,
    id_prefix: str | None = None,
) -> SafeString:
    """Sentiment (-2 to +2) by date: one dot per interaction, joined oldest first."""
    prefix = id_prefix_or(id_prefix, "sentiment")
    title_id, desc_id = f"{prefix}-title", f"{prefix}-desc"
    points = sorted(points)
    left = text_width(max(SENTIMENT_WORDS.values(), key=len)) + 14
    half_date = text_width("00 Mmm 0000") / 2 + 4
    right, top, bottom = width - half_date, 12.0, height - (FONT_SIZE + 16)
    days = [day for day, _ in points] or [date.today()]
    first, last = min(days), max(days)
    if first == last:
        first, last = first - timedelta(days=15), last + timedelta(days=15)
    span = (last - first).days

    def x_of(day: date) -> float:
        return left + (day - first).days / span * (right - left)

    def y_of(value: int) -> float:
        return top + (SENTIMENT_MAX - value) / (SENTIMENT_MAX - SENTIMENT_MIN) * (bottom - top)

    parts = [svg_open(width, height, title_id, desc_id)]
    parts.append(f'<title id="{title_id}">{escape(title)}</title>')
    parts.append(f'<desc id="{desc_id}">{escape(trend_description(points))}</desc>')
    parts.append(f'<g font-family="{FONT}" font-size="{FONT_SIZE}" fill="{INK}">')
    for value in range(SENTIMENT_MIN, SENTIMENT_MAX + 1):
        y = y_of(value)
        stroke = AXIS if value == 0 else GRID
        parts.append(
            f'<line x1="{left:.1f}" y1="{y:.1f}" x2="{right:.1f}" y2="{y:.1f}" '
            f'stroke="{stroke}" stroke-width="1"/>'
        )
        parts.append(
            f'<text x="{left - 8:.1f}" y="{y + 4:.1f}" text-anchor="end">'
            f"{escape(SENTIMENT_WORDS[value])}</text>"
        )
    if points:
        for day, label in date_ticks(first, last, right - left):
            parts.append(
                f'<text x="{x_of(day):.1f}" y="{height - 8:.1f}" text-anchor="middle">'
                f"{escape(label)}</text>"
            )
        if len(points) > 1:
            coordinates = " ".join(f"{x_of(d):.1f},{y_of(v):.1f}" for d, v in points)
            parts.append(
                f'<polyline points="{coordinates}" fill="none" stroke="{LINE}" '
                'stroke-width="2" stroke-linejoin="round"/>'
            )
        for day, value in points:
            parts.append(
                f'<circle cx="{x_of(day):.1f}" cy="{y_of(value):.1f}" r="4" fill="{LINE}"/>'
            )
    else:
        parts.append(
            f'<text x="{(left + right) / 2:.1f}" y="{(top + bottom) / 2:.1f}" '
            'text-anchor="middle">No interactions yet</text>'
        )
    parts.append("</g></svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every text above is escaped
