"""SVG primitives every chart shares: colours, text measure, the root element with
its title and description, and "nice" value and date ticks.

Charts are plain SVG with presentation attributes (fill, stroke, font-size),
no `style` attribute, <style> element or script: the same markup serves the
web pages, under a strict Content Security Policy, and the PDF (WeasyPrint).
"""

from __future__ import annotations

import math
import re
import uuid
from datetime import date, timedelta
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal

from .formatting import MONTH_ABBREVIATIONS, format_short_date

# Colours, each at least 3:1 against white (text ones at least 4.5:1).
# Colours, each at least 3:1 against white (text ones at least 4.5:1).
INK = "#0b0c0c"  # text, 19:1


AXIS = "#505a5f"


GRID = "#d8dadb"  # decoration only: the labels carry the values


FRAME = "#b1b4b6"  # decoration only


FONT = "Arial, 'Liberation Sans', 'DejaVu Sans', Helvetica, sans-serif"


FONT_SIZE = 12


CHAR_WIDTH = 0.62  # a generous average glyph width, as a share of the font size


MONTH_STEPS = (1, 2, 3, 4, 6, 12, 24, 36, 60, 120, 240, 600, 1200)


DAY_STEPS = (1, 2, 7, 14, 28)


MIN_VALUE_TICKS = 4


MAX_VALUE_TICKS = 7


_ID_PREFIX = re.compile(r"[A-Za-z][A-Za-z0-9_-]*\Z")


def id_prefix_or(id_prefix: str | None, default: str) -> str:
    """The caller's id prefix, checked, or a fresh unique one."""
    if id_prefix is None:
        return f"{default}-{uuid.uuid4().hex[:8]}"
    if not _ID_PREFIX.match(id_prefix):
        raise ValueError(
            "id_prefix must start with a letter and hold only letters, digits, - and _."
        )
    return id_prefix


def svg_open(width: int, height: int, title_id: str, desc_id: str) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" '
        f'aria-labelledby="{title_id} {desc_id}" focusable="false">'
    )


def text_width(text: str, font_size: float = FONT_SIZE) -> float:
    return len(text) * font_size * CHAR_WIDTH


def value_ticks(
    low: Decimal, high: Decimal, *, ceiling: Decimal | None = None, whole: bool = False
) -> list[Decimal]:
    """Four to seven round values (steps of 1, 2, 2.5 or 5 times a power of ten) from
    below `low` to above `high`, leaving a little room; the tightest such range wins.
    The room never crosses zero: values that are all zero or more get no negative
    ticks (and all zero or less, no positive ones); nor a `ceiling` the values keep under.

    `whole`: for counts of whole things, only whole-number steps (1, 2, 5, 10, 20,
    25, ...): 0 to 5 services gets 0, 2, 4, 6, never 2.5. A range too small for four
    whole ticks gets fewer, a step of 1 apart."""
    room = (high - low) / 20 if low != high else abs(low) / 10 or Decimal(1)
    padded_low, padded_high = low - room, high + room
    if low >= 0 > padded_low and high > 0:
        padded_low = Decimal(0)
    if high <= 0 < padded_high and low < 0:
        padded_high = Decimal(0)
    if ceiling is not None and high <= ceiling < padded_high:
        padded_high = ceiling
    low, high = padded_low, padded_high
    exponent = math.floor(math.log10((high - low) / 5))
    best: tuple[Decimal, int, Decimal, int] | None = None
    for power in (exponent - 1, exponent, exponent + 1, exponent + 2):
        for nice in (Decimal(1), Decimal(2), Decimal("2.5"), Decimal(5)):
            step = nice.scaleb(power)
            if whole and step != step.to_integral_value():
                continue
            first = int((low / step).to_integral_value(rounding=ROUND_FLOOR))
            last = int((high / step).to_integral_value(rounding=ROUND_CEILING))
            count = last - first + 1
            if MIN_VALUE_TICKS <= count <= MAX_VALUE_TICKS:
                candidate = ((last - first) * step, count, step, first)
                if best is None or candidate[:2] < best[:2]:
                    best = candidate
    if best is None and whole:
        # Fewer than four whole numbers fit (0 to 2 cases): one tick for each.
        first = int(low.to_integral_value(rounding=ROUND_FLOOR))
        last = int(high.to_integral_value(rounding=ROUND_CEILING))
        return [Decimal(value) for value in range(first, last + 1)]
    assert best is not None  # noqa: S101 - some step in four decades always fits
    _, count, step, first = best
    return [((first + index) * step).normalize() for index in range(count)]


def date_ticks(first: date, last: date, plot_width: float) -> list[tuple[date, str]]:
    """Month starts (labelled "Jan 2026") at a step that leaves room between labels;
    for a range holding fewer than three month starts, days (labelled "5 Jan 2026")."""
    max_ticks = max(2, int(plot_width // (text_width("Mmm 0000") + 16)))
    starts = month_starts(first, last)
    if len(starts) >= 3:
        for step in MONTH_STEPS:
            ticks = [d for d in starts if (d.year * 12 + d.month - 1) % step == 0]
            if len(ticks) <= max_ticks:
                break
        return [(d, f"{MONTH_ABBREVIATIONS[d.month - 1]} {d.year}") for d in ticks]
    max_ticks = max(2, int(plot_width // (text_width("00 Mmm 0000") + 16)))
    span = (last - first).days
    step = next((s for s in DAY_STEPS if span // s + 1 <= max_ticks), span or 1)
    ticks = [first + timedelta(days=n) for n in range(0, span + 1, step)]
    return [(d, format_short_date(d)) for d in ticks]


def month_starts(first: date, last: date) -> list[date]:
    day = date(first.year, first.month, 1)
    if day < first:
        day = next_month(day)
    starts = []
    while day <= last:
        starts.append(day)
        day = next_month(day)
    return starts


def next_month(day: date) -> date:
    return date(day.year + day.month // 12, day.month % 12 + 1, 1)
