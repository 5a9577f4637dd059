"""The roadmap timeline: a Gantt chart as SVG markup, drawn on the server.

A function of plain data (lanes, bars, milestones, arrows), so the page and the
PDF report draw the same chart with the same code. Like the other charts it is
plain SVG with presentation attributes only: no `style` attribute, no <style>
element, no script (the site's Content Security Policy forbids them, and
WeasyPrint draws the same markup). The page's CSS (the "Timeline" block at the
end of static/css/app.css) adds the focus and hover states.

What is drawn:

- quarters along the top, under a row of years; or, zoomed out, years alone;
- one lane per component, its name on the left, lanes with no bars still shown;
  a lane's bars are stacked in rows so that no two bars (nor their labels) overlap;
- a bar per initiative from the first day of its start month to the last day of
  its end month, filled by status and labelled with its title and status in words
  ("Cloud hosting · In progress"), inside the bar when it fits, else beside it;
  a thick dark outline marks the critical path. Every bar is a link (`<a href>`)
  to its initiative, so the chart is usable with the keyboard alone, with an
  accessible name "Cloud hosting, Jan 2026 to Jun 2026, In progress, critical path";
- dependencies as arrows from the end of the prerequisite to the start of the
  dependant; a conflict (the dependant starts before its prerequisite ends) is
  red and dashed, and named in the description;
- milestones as diamonds at their due date, filled when done, hollow when open,
  in their lane, or in a "Roadmap" row at the top for roadmap-wide ones;
- a "Today" line when today falls within the range.

Quarters and years follow the agency's financial year. With a year starting in
January they are calendar quarters, "Q1 2026" (January to March 2026), and years
"2026". With a year starting in any other month, quarter 1 is the first three
months of the financial year, and a financial year is named by the two calendar
years it spans: with April starts, "Q1 2026-27" is April to June 2026 and
"Q4 2026-27" is January to March 2027; with July starts, "Q1 2026-27" is July to
September 2026.

The text alternative is the chart's <title> and <desc>, and the rows of the
table view, `timeline_rows`. User text (titles, lane names) is always escaped.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from ui.formatting import (
    format_date,
    format_month,
    format_short_month,
)
from ui.svg import AXIS, FONT, FRAME, GRID, INK, id_prefix_or, next_month

# --- Data -------------------------------------------------------------------


@dataclass(frozen=True)
class Bar:
    """One initiative. `start` is the first day of its start month and `end` the first
    day of its end month: the bar runs to the end of that month."""

    key: int
    label: str
    lane: str  # the component's name
    start: date
    end: date
    status: str  # "proposed" "planned" "in_progress" "done" "on_hold" "cancelled"
    status_label: str  # "In progress"
    url: str  # the initiative's page
    critical: bool = False  # on the critical path


@dataclass(frozen=True)
class MilestoneMark:
    label: str
    due: date
    lane: str | None  # None: a milestone of the roadmap as a whole
    done: bool
    url: str = ""


@dataclass(frozen=True)
class Arrow:
    """A finish-to-start dependency between two bars, by their keys."""

    prerequisite: int
    dependant: int
    conflict: bool = False


@dataclass(frozen=True)
class TimelineRow:
    """One row of the table view: the same data as the chart, in words."""

    key: int
    initiative: str
    url: str
    component: str
    start: str  # "January 2026"
    end: str  # "June 2026"
    status: str  # "In progress"
    critical: bool
    depends_on: tuple[str, ...]  # the prerequisites' titles
    conflicts: tuple[str, ...]  # those of them that end after this one starts
    start_date: date  # the first day of the start month
    end_date: date  # the last day of the end month


ZOOMS = ("quarters", "years")

# --- Style ------------------------------------------------------------------

# Per status: fill, outline, dash pattern of the outline, colour of a label inside
# the bar. Text inside a bar has at least 4.5:1 contrast with its fill; outlines
# at least 3:1 with white. The label says the status in words too.
STATUS_STYLES: dict[str, tuple[str, str, str, str]] = {
    "proposed": ("#ffffff", "#505a5f", "4 3", INK),
    "planned": ("#d2e2f1", "#1d70b8", "", INK),
    "in_progress": ("#1d70b8", "#1d70b8", "", "#ffffff"),
    "done": ("#00703c", "#00703c", "", "#ffffff"),
    "on_hold": ("#8a4b00", "#8a4b00", "", "#ffffff"),
    "cancelled": ("#f3f2f1", "#6f777b", "2 2", "#383f43"),
}
UNKNOWN_STATUS = ("#ffffff", AXIS, "", INK)
STATUS_ORDER = ("proposed", "planned", "in_progress", "done", "on_hold", "cancelled")
DEFAULT_STATUS_LABELS = {
    "proposed": "Proposed",
    "planned": "Planned",
    "in_progress": "In progress",
    "done": "Done",
    "on_hold": "On hold",
    "cancelled": "Cancelled",
}
CRITICAL = INK  # the critical path's outline, 3px
ARROW = "#383f43"
CONFLICT = "#d4351c"  # 4.9:1 on white
TODAY = "#b0190f"
LANE_SHADE = "#f8f8f8"  # every other lane, decoration only
YEAR_LINE = "#8e9396"

FONT_SIZE = 12
LINE_HEIGHT = 15
BAR_HEIGHT = 22
BAR_ROW = 30  # a row of bars: the bar and the gap below it
MILESTONE_ROW = 22
DIAMOND = 6  # half the diagonal
LANE_PAD = 6
LABEL_PAD = 6  # from a bar's edge to its label
LABEL_GAP = 10  # between two things in a row: a label and the next bar
LEGEND_ROW = 20
AXIS_ROW = 20
TODAY_STRIP = 18
RIGHT_MARGIN = 14
ROADMAP_LANE = "Roadmap"

# Glyph widths of Arial / Liberation Sans (the fonts the page and the PDF use), in
# thousandths of the font size, for a closer measure of labels than ui.svg's average:
# a closer measure fits more labels inside their bars and stacks fewer rows. Other
# characters count as wide ones; and every measure has 10% to spare for other fonts.
_NARROW = dict.fromkeys(" !,./:;[\\]fIijlt|'·", 278) | {"i": 222, "j": 222, "l": 222}
_GLYPHS = (
    _NARROW
    | dict.fromkeys("0123456789$#?_abdeghnopqu", 556)
    | dict.fromkeys("cksvxyzJ", 500)
    | dict.fromkeys("-()`r", 333)
    | dict.fromkeys("ABEKPSVXY", 667)
    | dict.fromkeys("CDHNRUw&", 722)
    | dict.fromkeys("FTZ", 611)
    | dict.fromkeys("GOQ", 778)
    | dict.fromkeys("Mm", 833)
    | {"L": 556, "W": 944, "%": 889, "@": 1015, '"': 355, "*": 389, "\u2013": 556, "\u2026": 1000}
    | dict.fromkeys("+<=>~", 584)
)
_SPARE = 1.1


def label_width(text: str, *, bold: bool = False) -> float:
    """The width of `text` at the chart's font size (bold is some 8% wider)."""
    thousandths = sum(_GLYPHS.get(char, 620) for char in text)
    return thousandths / 1000 * FONT_SIZE * _SPARE * (1.08 if bold else 1)


# --- Quarters and years -----------------------------------------------------


def _month_index(day: date) -> int:
    return day.year * 12 + day.month - 1


def _from_month_index(index: int) -> date:
    return date(index // 12, index % 12 + 1, 1)


def _check_fy(financial_year_start_month: int) -> int:
    if not 1 <= financial_year_start_month <= 12:
        raise ValueError("The financial year starts in a month from 1 to 12.")
    return financial_year_start_month - 1


def _quarter_of(day: date, fy_offset: int) -> int:
    """The quarter holding `day`, as a count of quarters (of financial years that start
    `fy_offset` months after January) since year 0."""
    return (_month_index(day) - fy_offset) // 3


def _quarter_start(quarter: int, fy_offset: int) -> date:
    return _from_month_index(quarter * 3 + fy_offset)


def _year_of(day: date, fy_offset: int) -> int:
    """The financial year holding `day`, named by the calendar year it starts in."""
    return (_month_index(day) - fy_offset) // 12


def _year_start(year: int, fy_offset: int) -> date:
    return _from_month_index(year * 12 + fy_offset)


def year_label(day: date, financial_year_start_month: int = 1) -> str:
    """The (financial) year holding `day`: "2026", or "2026-27" (with an en dash) for a
    year that starts in April 2026 (or any month but January)."""
    fy_offset = _check_fy(financial_year_start_month)
    year = _year_of(day, fy_offset)
    if fy_offset == 0:
        return str(year)
    return f"{year}\u2013{(year + 1) % 100:02d}"


def quarter_label(day: date, financial_year_start_month: int = 1) -> str:
    """The quarter holding `day`: "Q1 2026" (calendar), "Q1 2026-27" (April to June 2026,
    a financial year starting in April)."""
    fy_offset = _check_fy(financial_year_start_month)
    number = _quarter_of(day, fy_offset) % 4 + 1
    return f"Q{number} {year_label(day, financial_year_start_month)}"


def timeline_range(
    bars: Iterable[Bar],
    milestones: Iterable[MilestoneMark],
    *,
    today: date,
    financial_year_start_month: int = 1,
    zoom: str = "quarters",
    first: date | None = None,
    last: date | None = None,
) -> tuple[date, date]:
    """The dates the chart spans: from the first day of the quarter (or year) holding
    the first start (or `first`) to the first day after the quarter (or year) holding
    the last end (or `last`). With nothing to draw, the quarter or year of today."""
    fy_offset = _check_fy(financial_year_start_month)
    _check_zoom(zoom)
    starts = [bar.start for bar in bars]
    ends = [_bar_end(bar) - timedelta(days=1) for bar in bars]
    dues = [milestone.due for milestone in milestones]
    low = first or min(starts + dues, default=today)
    high = last or max(ends + dues, default=today)
    if high < low:
        high = low
    if zoom == "years":
        return (
            _year_start(_year_of(low, fy_offset), fy_offset),
            _year_start(_year_of(high, fy_offset) + 1, fy_offset),
        )
    return (
        _quarter_start(_quarter_of(low, fy_offset), fy_offset),
        _quarter_start(_quarter_of(high, fy_offset) + 1, fy_offset),
    )


def _check_zoom(zoom: str) -> None:
    if zoom not in ZOOMS:
        raise ValueError(f"The zoom is one of {', '.join(ZOOMS)}.")


def _bar_end(bar: Bar) -> date:
    """The first day after the bar: the start of the month after its end month."""
    return next_month(max(bar.end, bar.start))


def bar_text(bar: Bar) -> str:
    """The visible label: "Cloud hosting · In progress"."""
    return f"{bar.label} · {_status_label(bar)}"


def bar_name(bar: Bar) -> str:
    """The accessible name: "Cloud hosting, Jan 2026 to Jun 2026, In progress"
    (", critical path" when it is on it)."""
    start, end = format_short_month(bar.start), format_short_month(max(bar.end, bar.start))
    name = f"{bar.label}, {start} to {end}, {_status_label(bar)}"
    return f"{name}, critical path" if bar.critical else name


def milestone_name(milestone: MilestoneMark) -> str:
    state = "done" if milestone.done else "not done"
    return f"Milestone: {milestone.label}, due {format_date(milestone.due)}, {state}"


def _status_label(bar: Bar) -> str:
    return bar.status_label or DEFAULT_STATUS_LABELS.get(bar.status, bar.status)


# --- The table view ---------------------------------------------------------


def timeline_rows(
    lanes: Sequence[str], bars: Sequence[Bar], arrows: Sequence[Arrow]
) -> list[TimelineRow]:
    """The rows of the table that stands beside the chart: every initiative with its
    component, start and end month, status and what it depends on (and which of those
    dependencies are in conflict), in the chart's order: by lane, then start."""
    by_key = {bar.key: bar for bar in bars}
    prerequisites: dict[int, list[Bar]] = {}
    conflicts: dict[int, list[Bar]] = {}
    for arrow in arrows:
        prerequisite = by_key.get(arrow.prerequisite)
        if prerequisite is None or arrow.dependant not in by_key:
            continue
        prerequisites.setdefault(arrow.dependant, []).append(prerequisite)
        if arrow.conflict:
            conflicts.setdefault(arrow.dependant, []).append(prerequisite)
    order = _lane_order(lanes, bars, ())
    rows = []
    for bar in sorted(bars, key=lambda b: (order[b.lane], b.start, b.end, b.label, b.key)):
        end = max(bar.end, bar.start)
        rows.append(
            TimelineRow(
                key=bar.key,
                initiative=bar.label,
                url=bar.url,
                component=bar.lane,
                start=format_month(bar.start),
                end=format_month(end),
                status=_status_label(bar),
                critical=bar.critical,
                depends_on=tuple(p.label for p in prerequisites.get(bar.key, ())),
                conflicts=tuple(p.label for p in conflicts.get(bar.key, ())),
                start_date=bar.start,
                end_date=next_month(end) - timedelta(days=1),
            )
        )
    return rows


def _lane_order(
    lanes: Sequence[str], bars: Iterable[Bar], milestones: Iterable[MilestoneMark]
) -> dict[str, int]:
    """Each lane's position: the given lanes in order, then any lane a bar or milestone
    names that was not given, in order of first appearance."""
    order: dict[str, int] = {}
    for lane in lanes:
        order.setdefault(lane, len(order))
    for bar in bars:
        order.setdefault(bar.lane, len(order))
    for milestone in milestones:
        if milestone.lane is not None:
            order.setdefault(milestone.lane, len(order))
    return order


# --- Layout -----------------------------------------------------------------


@dataclass
class _Placed:
    """Something drawn in a row: a bar or a milestone, its extent (with its label)
    in x, and where its label goes."""

    item: Bar | MilestoneMark
    x1: float  # the bar's (or diamond's) own extent
    x2: float
    label: str
    label_x: float
    label_anchor: str  # "start" or "end"
    label_inside: bool


@dataclass
class _Row:
    kind: str  # "milestones" or "bars"
    items: list[_Placed]
    height: float


@dataclass
class _Lane:
    name: str
    rows: list[_Row]
    label_lines: list[str]
    roadmap: bool = False  # the row of roadmap-wide milestones
    continued: bool = False  # the rest of a lane split across pages


@dataclass
class _Frame:
    """The geometry shared by every page of one chart."""

    width: int
    left: float  # the plot's left edge (after the lane names)
    right: float
    range_start: date
    range_end: date
    fy_offset: int
    zoom: str

    def x_of(self, day: date) -> float:
        span = (self.range_end - self.range_start).days
        return self.left + (day - self.range_start).days / span * (self.right - self.left)


def _frame(width: int, range_start: date, range_end: date, fy_offset: int, zoom: str) -> _Frame:
    lane_column = max(120.0, min(230.0, width * 0.2))
    return _Frame(width, lane_column, width - RIGHT_MARGIN, range_start, range_end, fy_offset, zoom)


def _truncate(text: str, room: float, *, bold: bool = False) -> str:
    """`text`, cut short with "…" if it is wider than `room`."""
    if label_width(text, bold=bold) <= room:
        return text
    room -= label_width("…", bold=bold)
    kept, width = 0, 0.0
    while kept < len(text) and width + label_width(text[kept], bold=bold) <= room:
        width += label_width(text[kept], bold=bold)
        kept += 1
    return text[: max(1, kept)].rstrip() + "…"


def _wrap(text: str, room: float, *, bold: bool = False, max_lines: int = 3) -> list[str]:
    """`text` in lines that fit `room`, at most `max_lines` (the last one cut short)."""
    words, lines, line = text.split(), [], ""
    for word in words:
        candidate = f"{line} {word}" if line else word
        if line and label_width(candidate, bold=bold) > room:
            lines.append(line)
            line = word
        else:
            line = candidate
    if line:
        lines.append(line)
    if len(lines) > max_lines:
        lines = [*lines[: max_lines - 1], " ".join(lines[max_lines - 1 :])]
    return [_truncate(one, room, bold=bold) for one in lines] or [""]


def _place_bar(bar: Bar, frame: _Frame) -> _Placed | None:
    start = max(bar.start, frame.range_start)
    end = min(_bar_end(bar), frame.range_end)
    if end <= start:
        return None  # wholly outside the range
    x1, x2 = frame.x_of(start), frame.x_of(end)
    text = bar_text(bar)
    needed = label_width(text) + 2 * LABEL_PAD
    if needed <= x2 - x1:
        return _Placed(bar, x1, x2, text, x1 + LABEL_PAD, "start", True)
    room_right = frame.right - x2 - LABEL_PAD
    room_left = x1 - frame.left - LABEL_PAD
    if label_width(text) <= room_right or room_right >= room_left:
        label = _truncate(text, room_right)
        return _Placed(bar, x1, x2, label, x2 + LABEL_PAD, "start", False)
    label = _truncate(text, room_left)
    return _Placed(bar, x1, x2, label, x1 - LABEL_PAD, "end", False)


def _place_milestone(milestone: MilestoneMark, frame: _Frame) -> _Placed | None:
    if not frame.range_start <= milestone.due < frame.range_end:
        return None
    x = frame.x_of(milestone.due)
    room_right = frame.right - x - DIAMOND - 4
    room_left = x - DIAMOND - 4 - frame.left
    text = milestone.label
    if label_width(text) <= room_right or room_right >= room_left:
        label = _truncate(text, room_right)
        return _Placed(milestone, x - DIAMOND, x + DIAMOND, label, x + DIAMOND + 4, "start", False)
    label = _truncate(text, room_left)
    return _Placed(milestone, x - DIAMOND, x + DIAMOND, label, x - DIAMOND - 4, "end", False)


def _extent(placed: _Placed) -> tuple[float, float]:
    """What a placed thing covers in x, its label included."""
    if placed.label_inside:
        return placed.x1, placed.x2
    width = label_width(placed.label)
    if placed.label_anchor == "start":
        return placed.x1, max(placed.x2, placed.label_x + width)
    return min(placed.x1, placed.label_x - width), placed.x2


def _stack(placed: list[_Placed], kind: str, height: float) -> list[_Row]:
    """Rows in which nothing overlaps: each thing, in order of where it starts, goes in
    the first row where the last thing ends (with a gap) before it starts."""
    placed.sort(key=lambda p: (_extent(p)[0], p.x2))
    rows: list[_Row] = []
    row_ends: list[float] = []
    for one in placed:
        low, high = _extent(one)
        for index, row_end in enumerate(row_ends):
            if row_end + LABEL_GAP <= low:
                rows[index].items.append(one)
                row_ends[index] = high
                break
        else:
            rows.append(_Row(kind, [one], height))
            row_ends.append(high)
    return rows


def _lanes(
    lanes: Sequence[str],
    bars: Sequence[Bar],
    milestones: Sequence[MilestoneMark],
    frame: _Frame,
) -> list[_Lane]:
    order = _lane_order(lanes, bars, milestones)
    placed_bars: dict[str, list[_Placed]] = {name: [] for name in order}
    placed_milestones: dict[str | None, list[_Placed]] = {name: [] for name in order}
    placed_milestones[None] = []
    for bar in bars:
        placed = _place_bar(bar, frame)
        if placed is not None:
            placed_bars[bar.lane].append(placed)
    for milestone in milestones:
        placed = _place_milestone(milestone, frame)
        if placed is not None:
            placed_milestones[milestone.lane].append(placed)
    label_room = frame.left - 16
    result = []
    if placed_milestones[None]:
        result.append(
            _Lane(
                ROADMAP_LANE,
                _stack(placed_milestones[None], "milestones", MILESTONE_ROW),
                [ROADMAP_LANE],
                roadmap=True,
            )
        )
    for name in order:
        rows = _stack(placed_milestones[name], "milestones", MILESTONE_ROW)
        rows += _stack(placed_bars[name], "bars", BAR_ROW)
        result.append(_Lane(name, rows, _wrap(name, label_room, bold=True)))
    return result


def _lane_height(lane: _Lane) -> float:
    rows = sum(row.height for row in lane.rows) or BAR_ROW
    return max(rows, len(lane.label_lines) * LINE_HEIGHT + 4) + 2 * LANE_PAD


# --- Drawing ----------------------------------------------------------------


def timeline_svg(
    lanes: Sequence[str],
    bars: Sequence[Bar],
    milestones: Sequence[MilestoneMark],
    arrows: Sequence[Arrow],
    *,
    today: date,
    financial_year_start_month: int = 1,
    zoom: str = "quarters",
    width: int = 1100,
    id_prefix: str = "timeline",
    first: date | None = None,
    last: date | None = None,
    title: str = "Roadmap timeline",
) -> SafeString:
    """The whole timeline as one SVG (for the page). Its ids start with `id_prefix`:
    give each chart on a page its own (a quarters and a years chart, say)."""
    prefix = id_prefix_or(id_prefix, "timeline")
    frame, laid_out = _layout(
        lanes, bars, milestones, today, financial_year_start_month, zoom, width, first, last
    )
    return _draw(
        frame,
        laid_out,
        bars,
        milestones,
        arrows,
        today=today,
        prefix=prefix,
        title=title,
        page=None,
    )


def timeline_pages(
    lanes: Sequence[str],
    bars: Sequence[Bar],
    milestones: Sequence[MilestoneMark],
    arrows: Sequence[Arrow],
    *,
    today: date,
    financial_year_start_month: int = 1,
    zoom: str = "quarters",
    width: int = 1100,
    id_prefix: str = "timeline",
    first: date | None = None,
    last: date | None = None,
    title: str = "Roadmap timeline",
    rows_per_page: int = 18,
) -> list[SafeString]:
    """The timeline cut into pages (for the PDF's landscape pages) of at most
    `rows_per_page` rows each (a lane with no rows counts as one), all with the same
    axis. A lane is never split when it fits on a page of its own: it starts a new
    page instead. A lane longer than a page continues on the next, labelled
    "(continued)". Arrows between bars on different pages are left out (the table
    lists every dependency)."""
    if rows_per_page < 1:
        raise ValueError("A page holds at least one row.")
    prefix = id_prefix_or(id_prefix, "timeline")
    frame, laid_out = _layout(
        lanes, bars, milestones, today, financial_year_start_month, zoom, width, first, last
    )
    pages = _paginate(laid_out, rows_per_page)
    return [
        _draw(
            frame,
            page_lanes,
            bars,
            milestones,
            arrows,
            today=today,
            prefix=f"{prefix}-p{number}",
            title=title,
            page=(number, len(pages)),
        )
        for number, page_lanes in enumerate(pages, start=1)
    ]


def _layout(lanes, bars, milestones, today, financial_year_start_month, zoom, width, first, last):
    fy_offset = _check_fy(financial_year_start_month)
    range_start, range_end = timeline_range(
        bars,
        milestones,
        today=today,
        financial_year_start_month=financial_year_start_month,
        zoom=zoom,
        first=first,
        last=last,
    )
    frame = _frame(width, range_start, range_end, fy_offset, zoom)
    return frame, _lanes(lanes, bars, milestones, frame)


def _paginate(lanes: list[_Lane], rows_per_page: int) -> list[list[_Lane]]:
    pages: list[list[_Lane]] = [[]]
    used = 0
    for lane in lanes:
        size = max(1, len(lane.rows))
        if used + size > rows_per_page and used and size <= rows_per_page:
            pages.append([])
            used = 0
        rows, continued = lane.rows, False
        while used + max(1, len(rows)) > rows_per_page:
            room = rows_per_page - used
            if room == 0:
                pages.append([])
                used = 0
                continue
            pages[-1].append(_lane_part(lane, rows[:room], continued))
            rows, continued = rows[room:], True
            pages.append([])
            used = 0
        pages[-1].append(_lane_part(lane, rows, continued))
        used += max(1, len(rows))
    return [page for page in pages if page]


def _lane_part(lane: _Lane, rows: list[_Row], continued: bool) -> _Lane:
    if not continued:
        return _Lane(lane.name, rows, lane.label_lines, lane.roadmap)
    lines = [*lane.label_lines, "(continued)"]
    return _Lane(lane.name, rows, lines, lane.roadmap, continued=True)


def _draw(
    frame: _Frame,
    lanes: list[_Lane],
    bars: Sequence[Bar],
    milestones: Sequence[MilestoneMark],
    arrows: Sequence[Arrow],
    *,
    today: date,
    prefix: str,
    title: str,
    page: tuple[int, int] | None,
) -> SafeString:
    width = frame.width
    legend, legend_bottom = _legend(prefix, 8, width - RIGHT_MARGIN, 16)
    axis_top = legend_bottom + 12
    tiers = 2 if frame.zoom == "quarters" else 1
    plot_top = axis_top + tiers * AXIS_ROW + TODAY_STRIP
    # Where each lane and row goes, and where each bar's middle is (for the arrows).
    y = plot_top
    lane_boxes: list[tuple[_Lane, float, float]] = []
    bar_boxes: dict[int, tuple[float, float, float]] = {}  # key: x1, x2, y middle
    for lane in lanes:
        height = _lane_height(lane)
        lane_boxes.append((lane, y, height))
        row_y = y + LANE_PAD
        for row in lane.rows:
            if row.kind == "bars":
                for placed in row.items:
                    bar_boxes[placed.item.key] = (placed.x1, placed.x2, row_y + BAR_HEIGHT / 2)
            row_y += row.height
        y += height
    plot_bottom = y
    height = int(plot_bottom + 8)

    title_id, desc_id = f"{prefix}-title", f"{prefix}-desc"
    page_title = title if page is None else f"{title} (page {page[0]} of {page[1]})"
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="timeline__svg" width="{width}" '
        f'height="{height}" viewBox="0 0 {width} {height}" role="group" '
        f'aria-labelledby="{title_id}" aria-describedby="{desc_id}">',
        f'<title id="{title_id}">{escape(page_title)}</title>',
        f'<desc id="{desc_id}">'
        f"{escape(_description(frame, lanes, bars, milestones, arrows, bar_boxes, today))}"
        "</desc>",
        _defs(prefix),
        f'<g font-family="{FONT}" font-size="{FONT_SIZE}" fill="{INK}">',
    ]
    parts.append(legend)
    parts.append(_lane_backgrounds(frame, lane_boxes))
    parts.append(_axis(frame, axis_top, tiers, plot_top, plot_bottom))
    parts.append(_today(frame, today, plot_top, plot_bottom))
    # Arrows go under the bars: where one passes a bar, the bar stays whole.
    parts.append(_arrows(frame, arrows, bar_boxes, prefix))
    for lane, lane_y, lane_height in lane_boxes:
        parts.append(_lane(frame, lane, lane_y, lane_height, prefix))
    parts.append("</g></svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every user text above is escaped


def _defs(prefix: str) -> str:
    heads = []
    for name, colour in (("arrow", ARROW), ("conflict", CONFLICT)):
        heads.append(
            f'<marker id="{prefix}-{name}" viewBox="0 0 10 10" refX="9" refY="5" '
            'markerWidth="7" markerHeight="7" markerUnits="userSpaceOnUse" '
            f'orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="{colour}"/></marker>'
        )
    return f"<defs>{''.join(heads)}</defs>"


def _description(frame, lanes, bars, milestones, arrows, bar_boxes, today) -> str:
    first = frame.range_start
    last = frame.range_end - timedelta(days=1)
    if frame.zoom == "quarters":
        span = (
            f"{quarter_label(first, frame.fy_offset + 1)} to "
            f"{quarter_label(last, frame.fy_offset + 1)}"
        )
    else:
        span = (
            f"{year_label(first, frame.fy_offset + 1)} to {year_label(last, frame.fy_offset + 1)}"
        )
    components = len([lane for lane in lanes if not lane.roadmap and not lane.continued])
    drawn = len(bar_boxes)
    sentences = [
        f"A Gantt chart of {drawn} initiative{'s' if drawn != 1 else ''} in "
        f"{components} component{'s' if components != 1 else ''}, {span}"
        + (", by financial year." if frame.fy_offset else ".")
    ]
    sentences.append(
        "Each initiative is a bar labelled with its title and status; a thick dark "
        "outline marks the critical path; arrows lead from an initiative to those "
        "that depend on it; diamonds are milestones, filled when done."
    )
    by_key = {bar.key: bar for bar in bars}
    conflicts = [
        f"{by_key[a.dependant].label} starts before {by_key[a.prerequisite].label} ends"
        for a in arrows
        if a.conflict and a.dependant in bar_boxes and a.prerequisite in bar_boxes
    ]
    if conflicts:
        sentences.append(
            f"{len(conflicts)} schedule conflict{'s' if len(conflicts) != 1 else ''}, "
            f"drawn as red dashed arrows: {'; '.join(conflicts)}."
        )
    if frame.range_start <= today < frame.range_end:
        sentences.append(f"A line marks today, {format_date(today)}.")
    return " ".join(sentences)


def _legend(prefix: str, x_start: float, x_end: float, y: float) -> tuple[str, float]:
    """A key to the statuses, the critical path, arrows and milestones, in rows that
    wrap; the markup and the y below the last row."""

    def swatch(fill: str, stroke: str, dash: str, stroke_width: float = 1.5):
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        return lambda x, mid: (
            f'<rect x="{x:g}" y="{mid - 6:g}" width="22" height="12" fill="{fill}" '
            f'stroke="{stroke}" stroke-width="{stroke_width:g}"{dash_attr}/>'
        )

    def line(colour: str, marker: str, extra: str):
        return lambda x, mid: (
            f'<line x1="{x:g}" y1="{mid:g}" x2="{x + 22:g}" y2="{mid:g}" stroke="{colour}" '
            f'{extra} marker-end="url(#{prefix}-{marker})"/>'
        )

    keys = [
        (DEFAULT_STATUS_LABELS[status], swatch(*STATUS_STYLES[status][:3]))
        for status in STATUS_ORDER
    ]
    keys += [
        ("Critical path", swatch("#ffffff", CRITICAL, "", 3)),
        ("Depends on", line(ARROW, "arrow", 'stroke-width="1.5"')),
        ("Conflict", line(CONFLICT, "conflict", 'stroke-width="2" stroke-dasharray="5 3"')),
        ("Milestone done", lambda x, mid: _diamond(x + 11, mid, done=True)),
        ("Milestone to come", lambda x, mid: _diamond(x + 11, mid, done=False)),
        ("Today", lambda x, mid: _today_mark(x + 11, mid - 7, mid + 7)),
    ]
    parts = ['<g class="timeline__legend" aria-hidden="true">']
    x = x_start
    for name, shape in keys:
        needed = 28 + label_width(name)
        if x > x_start and x + needed > x_end:
            x, y = x_start, y + LEGEND_ROW
        parts.append(shape(x, y))
        parts.append(f'<text x="{x + 28:g}" y="{y + FONT_SIZE * 0.35:g}">{name}</text>')
        x += needed + 16
    parts.append("</g>")
    return "".join(parts), y + 8


def _diamond(x: float, y: float, *, done: bool) -> str:
    fill = INK if done else "#ffffff"
    return (
        f'<path d="M{x - DIAMOND:.2f},{y:.2f} l{DIAMOND},-{DIAMOND} l{DIAMOND},{DIAMOND} '
        f'l-{DIAMOND},{DIAMOND} z" fill="{fill}" stroke="{INK}" stroke-width="2"/>'
    )


def _today_mark(x: float, y1: float, y2: float) -> str:
    return (
        f'<line x1="{x:.2f}" y1="{y1:.2f}" x2="{x:.2f}" y2="{y2:.2f}" stroke="{TODAY}" '
        'stroke-width="2"/>'
    )


def _lane_backgrounds(frame: _Frame, lane_boxes) -> str:
    parts = ['<g class="timeline__lanes" aria-hidden="true">']
    for index, (lane, y, height) in enumerate(lane_boxes):
        fill = "#e8f0f8" if lane.roadmap else (LANE_SHADE if index % 2 else "#ffffff")
        parts.append(
            f'<rect x="0" y="{y:.2f}" width="{frame.width - RIGHT_MARGIN + 4:g}" '
            f'height="{height:.2f}" fill="{fill}"/>'
        )
        parts.append(
            f'<line x1="0" y1="{y + height:.2f}" x2="{frame.width - RIGHT_MARGIN + 4:g}" '
            f'y2="{y + height:.2f}" stroke="{FRAME}" stroke-width="1"/>'
        )
    parts.append("</g>")
    return "".join(parts)


def _axis(frame: _Frame, top: float, tiers: int, plot_top: float, plot_bottom: float) -> str:
    """Years (and, zoomed in, quarters) along the top, with lines down the plot."""
    fy_month = frame.fy_offset + 1
    parts = ['<g class="timeline__axis" aria-hidden="true">']
    year = _year_of(frame.range_start, frame.fy_offset)
    while (start := _year_start(year, frame.fy_offset)) < frame.range_end:
        end = min(_year_start(year + 1, frame.fy_offset), frame.range_end)
        x1, x2 = frame.x_of(max(start, frame.range_start)), frame.x_of(end)
        label = year_label(start, fy_month)
        x, anchor = (x1 + x2) / 2, "middle"
        if label_width(label, bold=True) > x2 - x1 - 8:
            # A part of a year too narrow for its name: at the start, the name may run
            # left over the lane names' column; at the end, it is cut short.
            if start < frame.range_start:
                x, anchor = x2 - 4, "end"
            else:
                x, anchor = x1 + 4, "start"
                label = _truncate(label, frame.width - x, bold=True)
        parts.append(
            f'<text x="{x:.2f}" y="{top + AXIS_ROW - 6:g}" text-anchor="{anchor}" '
            f'font-weight="bold">{escape(label)}</text>'
        )
        year += 1
    if tiers == 2:
        quarter = _quarter_of(frame.range_start, frame.fy_offset)
        while (start := _quarter_start(quarter, frame.fy_offset)) < frame.range_end:
            x1 = frame.x_of(start)
            x2 = frame.x_of(_quarter_start(quarter + 1, frame.fy_offset))
            parts.append(
                f'<text x="{(x1 + x2) / 2:.2f}" y="{top + 2 * AXIS_ROW - 6:g}" '
                f'text-anchor="middle">Q{quarter % 4 + 1}</text>'
            )
            if start > frame.range_start and (quarter % 4):
                parts.append(
                    f'<line x1="{x1:.2f}" y1="{top + AXIS_ROW:g}" x2="{x1:.2f}" '
                    f'y2="{plot_bottom:.2f}" stroke="{GRID}" stroke-width="1"/>'
                )
            quarter += 1
    year = _year_of(frame.range_start, frame.fy_offset)
    while (start := _year_start(year, frame.fy_offset)) <= frame.range_end:
        if start >= frame.range_start:
            x = frame.x_of(start)
            parts.append(
                f'<line x1="{x:.2f}" y1="{top:g}" x2="{x:.2f}" y2="{plot_bottom:.2f}" '
                f'stroke="{YEAR_LINE}" stroke-width="1"/>'
            )
        year += 1
    bottom = top + tiers * AXIS_ROW
    parts.append(
        f'<line x1="{frame.left:g}" y1="{bottom:g}" x2="{frame.right:g}" y2="{bottom:g}" '
        f'stroke="{AXIS}" stroke-width="1"/>'
    )
    parts.append("</g>")
    return "".join(parts)


def _today(frame: _Frame, today: date, plot_top: float, plot_bottom: float) -> str:
    if not frame.range_start <= today < frame.range_end:
        return ""
    x = frame.x_of(today)
    anchor = "middle"
    if x + label_width("Today", bold=True) / 2 > frame.right:
        anchor = "end"
    return (
        f'<g class="timeline__today" aria-hidden="true">'
        f"{_today_mark(x, plot_top - 4, plot_bottom)}"
        f'<text x="{x:.2f}" y="{plot_top - 7:.2f}" text-anchor="{anchor}" fill="{TODAY}" '
        f'font-weight="bold">Today</text></g>'
    )


def _arrows(frame: _Frame, arrows: Sequence[Arrow], bar_boxes, prefix: str) -> str:
    """Each dependency as a line with elbows from the end of the prerequisite to the
    start of the dependant, ending in an arrowhead."""
    parts = ['<g class="timeline__arrows" aria-hidden="true" fill="none">']
    for arrow in arrows:
        source = bar_boxes.get(arrow.prerequisite)
        target = bar_boxes.get(arrow.dependant)
        if source is None or target is None:
            continue
        (_, end, y1), (x2, _, y2) = source, target
        # Down (or up) from the prerequisite's end, along the gap between the rows next
        # to the dependant, and into its start: never across a label in a bar's row.
        half = BAR_HEIGHT / 2
        gap = (BAR_ROW - BAR_HEIGHT) / 2
        x1 = max(end - 5, end - (end - source[0]) / 2)
        if y2 > y1:
            leave, gap_y = y1 + half, y2 - half - gap
        elif y2 == y1:
            leave, gap_y = y1 + half, y1 + half + gap
        else:
            leave, gap_y = y1 - half, y2 + half + gap
        path = f"M{x1:.2f},{leave:.2f} V{gap_y:.2f} H{x2 - 8:.2f} V{y2:.2f} H{x2:.2f}"
        if arrow.conflict:
            style = f'stroke="{CONFLICT}" stroke-width="2" stroke-dasharray="5 3"'
            marker, kind = "conflict", "timeline__arrow timeline__arrow--conflict"
        else:
            style = f'stroke="{ARROW}" stroke-width="1.5"'
            marker, kind = "arrow", "timeline__arrow"
        parts.append(
            f'<path class="{kind}" data-from="{arrow.prerequisite}" '
            f'data-to="{arrow.dependant}" d="{path}" {style} '
            f'marker-end="url(#{prefix}-{marker})"/>'
        )
    parts.append("</g>")
    return "".join(parts)


def _lane(frame: _Frame, lane: _Lane, y: float, height: float, prefix: str) -> str:
    css = "timeline__lane timeline__lane--roadmap" if lane.roadmap else "timeline__lane"
    parts = [f'<g class="{css}">']
    lines = lane.label_lines
    first_line = y + height / 2 - (len(lines) - 1) * LINE_HEIGHT / 2 + FONT_SIZE * 0.35
    parts.append(
        f'<text class="timeline__lane-name" x="8" y="{first_line:.2f}" font-weight="bold">'
    )
    for index, line in enumerate(lines):
        # A space at the end of a wrapped line keeps the words apart when read aloud.
        dy = "0" if index == 0 else str(LINE_HEIGHT)
        space = " " if index < len(lines) - 1 else ""
        parts.append(f'<tspan x="8" dy="{dy}">{escape(line)}{space}</tspan>')
    parts.append("</text>")
    # In the document (the order of the keyboard and screen readers), a lane's
    # milestones come first, then its bars, each in order of date, whatever their row.
    milestones, bars = [], []
    row_y = y + LANE_PAD
    for row in lane.rows:
        for placed in row.items:
            if row.kind == "bars":
                bars.append((placed, row_y))
            else:
                milestones.append((placed, row_y + row.height / 2))
        row_y += row.height
    milestones.sort(key=lambda one: (one[0].item.due, one[0].item.label))
    bars.sort(key=lambda one: (one[0].item.start, one[0].item.end, one[0].item.label))
    parts.extend(_milestone(placed, middle) for placed, middle in milestones)
    parts.extend(_bar(placed, top, prefix) for placed, top in bars)
    parts.append("</g>")
    return "".join(parts)


def _bar(placed: _Placed, y: float, prefix: str) -> str:
    bar = placed.item
    assert isinstance(bar, Bar)  # noqa: S101 - only bars are placed in bar rows
    fill, stroke, dash, inside_text = STATUS_STYLES.get(bar.status, UNKNOWN_STATUS)
    css = f"timeline__bar timeline__bar--{escape(bar.status)}"
    stroke_width = "1.5"
    if bar.critical:
        css += " timeline__bar--critical"
        stroke, dash, stroke_width = CRITICAL, "", "3"
    dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
    name = escape(bar_name(bar))
    text_fill = inside_text if placed.label_inside else INK
    anchor = "" if placed.label_anchor == "start" else ' text-anchor="end"'
    label_css = "timeline__bar-label" + (
        "" if placed.label_inside else " timeline__bar-label--outside"
    )
    shape = (
        f'<rect class="timeline__bar-shape" x="{placed.x1:.2f}" y="{y:.2f}" '
        f'width="{placed.x2 - placed.x1:.2f}" height="{BAR_HEIGHT}" fill="{fill}" '
        f'stroke="{stroke}" stroke-width="{stroke_width}"{dash_attr}/>'
        f'<text class="{label_css}" x="{placed.label_x:.2f}" '
        f'y="{y + BAR_HEIGHT / 2 + FONT_SIZE * 0.35:.2f}" fill="{text_fill}"{anchor}>'
        f"{escape(placed.label)}</text>"
    )
    element_id = f"{prefix}-bar-{bar.key}"
    if not bar.url:
        return f'<g class="{css}" id="{element_id}"><title>{name}</title>{shape}</g>'
    return (
        f'<a class="{css}" id="{element_id}" href="{escape(bar.url)}" aria-label="{name}">'
        f"<title>{name}</title>{shape}</a>"
    )


def _milestone(placed: _Placed, y: float) -> str:
    milestone = placed.item
    assert isinstance(milestone, MilestoneMark)  # noqa: S101 - only milestones here
    x = (placed.x1 + placed.x2) / 2
    css = "timeline__milestone" + (" timeline__milestone--done" if milestone.done else "")
    anchor = "" if placed.label_anchor == "start" else ' text-anchor="end"'
    name = escape(milestone_name(milestone))
    inner = (
        f"<title>{name}</title>{_diamond(x, y, done=milestone.done)}"
        f'<text class="timeline__milestone-label" x="{placed.label_x:.2f}" '
        f'y="{y + FONT_SIZE * 0.35:.2f}"{anchor}>{escape(placed.label)}</text>'
    )
    if milestone.url:
        return f'<a class="{css}" href="{escape(milestone.url)}" aria-label="{name}">{inner}</a>'
    return f'<g class="{css}">{inner}</g>'
