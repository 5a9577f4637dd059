"""The KPI trend charts: well-formed SVG with no inline styles or scripts, an
accessible name and description, user text escaped, and the geometry right."""

import itertools
import re
import subprocess
import xml.etree.ElementTree as ET
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from django.utils.safestring import SafeString

from roadmap.charts.kpis import kpi_chart_svg, kpi_sparkline_svg
from ui.svg import value_ticks

D = Decimal
SVG = "{http://www.w3.org/2000/svg}"
MARKUP = '<script>alert("x")</script> & <b>co</b>'

BASELINE = (date(2025, 1, 1), D(50))
TARGET = (date(2026, 12, 31), D(75))
POINTS = [
    (date(2025, 3, 31), D(52)),
    (date(2025, 6, 30), D(55)),
    (date(2025, 9, 30), D("58.5")),
    (date(2025, 12, 31), D(60)),
]


def chart(**overrides) -> SafeString:
    kwargs = dict(
        points=POINTS,
        baseline=BASELINE,
        target=TARGET,
        title="Share of claims made online",
        description="Rising from 50% towards 75% by December 2026.",
        unit="%",
    )
    return kpi_chart_svg(**{**kwargs, **overrides})


def sparkline(**overrides) -> SafeString:
    kwargs = dict(points=POINTS, baseline=BASELINE, target=TARGET, title="Claims online")
    return kpi_sparkline_svg(**{**kwargs, **overrides})


def parse(svg: str) -> ET.Element:
    return ET.fromstring(str(svg))  # noqa: S314 - our own markup, under test


def find_class(root: ET.Element, name: str) -> list[ET.Element]:
    return [el for el in root.iter() if name in el.get("class", "").split()]


def one(root: ET.Element, name: str) -> ET.Element:
    (element,) = find_class(root, name)
    return element


def points_of(root: ET.Element) -> list[ET.Element]:
    return find_class(root, "kpi-chart__point")


def value_scale(root: ET.Element, low: tuple[Decimal, float], high: tuple[Decimal, float]):
    """Map a value to its y from two circles whose values we know."""
    (v1, y1), (v2, y2) = low, high

    def y_of(value: Decimal) -> float:
        return y1 + float(value - v1) / float(v2 - v1) * (y2 - y1)

    return y_of


def plot_box(root: ET.Element) -> tuple[float, float, float, float]:
    x_axis, y_axis = one(root, "kpi-chart__x-axis"), one(root, "kpi-chart__y-axis")
    return (
        float(x_axis.get("x1")),
        float(x_axis.get("x2")),
        float(y_axis.get("y1")),  # top
        float(y_axis.get("y2")),  # bottom
    )


def values_of(kwargs: dict) -> list[Decimal]:
    return [v for _, v in kwargs["points"]] + [kwargs["baseline"][1], kwargs["target"][1]]


def tick_values(root: ET.Element) -> list[Decimal]:
    labels = [el.text for el in find_class(root, "kpi-chart__value-label")]
    return [D(re.sub(r"[^0-9.\-]", "", label)) for label in labels]


EDGE_CASES = {
    "no-points": dict(points=[]),
    "one-point": dict(points=[(date(2025, 6, 1), D(51))]),
    "all-equal": dict(
        points=[(date(2025, 6, 1), D(7)), (date(2025, 7, 1), D(7))],
        baseline=(date(2025, 1, 1), D(7)),
        target=(date(2025, 12, 31), D(7)),
    ),
    "all-zero-one-day": dict(
        points=[(date(2025, 1, 1), D(0))],
        baseline=(date(2025, 1, 1), D(0)),
        target=(date(2025, 1, 1), D(0)),
    ),
    "negative": dict(
        points=[(date(2025, 3, 1), D(-12.5)), (date(2025, 9, 1), D(-3))],
        baseline=(date(2025, 1, 1), D(-20)),
        target=(date(2026, 1, 1), D(5)),
        unit="°C",
    ),
    "decreasing": dict(
        points=[(date(2025, 2, 1), D(30)), (date(2025, 5, 1), D(26))],
        baseline=(date(2025, 1, 1), D(30)),
        target=(date(2027, 6, 30), D(10)),
        unit="days",
    ),
    "outside-the-plan-dates": dict(
        points=[(date(2024, 6, 1), D(40)), (date(2027, 6, 1), D(80))],
    ),
    "short-range": dict(
        points=[(date(2025, 1, 10), D("0.52"))],
        baseline=(date(2025, 1, 1), D("0.5")),
        target=(date(2025, 2, 15), D("0.8")),
        unit="",
    ),
    "long-range-huge-values": dict(
        points=[(date(2001, 1, 1), D(1_000_000)), (date(2040, 1, 1), D(2_500_000_000))],
        baseline=(date(2000, 1, 1), D(0)),
        target=(date(2050, 1, 1), D(3_000_000_000)),
        unit="£",
    ),
    "tiny-values": dict(
        points=[(date(2025, 6, 1), D("0.0012"))],
        baseline=(date(2025, 1, 1), D("0.001")),
        target=(date(2026, 1, 1), D("0.0015")),
        unit="",
    ),
    "long-unit": dict(unit="applications decided within the statutory period " * 3),
}


# Markup and accessibility -----------------------------------------------------


@pytest.mark.parametrize("render", [chart, sparkline], ids=["chart", "sparkline"])
def test_returns_safe_well_formed_svg(render):
    svg = render()

    assert isinstance(svg, SafeString)
    root = parse(svg)
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    assert root.get("viewBox")


@pytest.mark.parametrize("render", [chart, sparkline], ids=["chart", "sparkline"])
def test_aria_labelledby_names_the_charts_own_title_and_desc(render):
    root = parse(render())

    title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
    assert title is not None and desc is not None
    assert root.get("aria-labelledby").split() == [title.get("id"), desc.get("id")]
    assert desc.text


def test_user_text_is_escaped_and_stays_text():
    svg = chart(title=MARKUP, description=MARKUP, unit="<i>&")
    root = parse(svg)

    assert root.find(f"{SVG}title").text == MARKUP
    assert root.find(f"{SVG}desc").text == MARKUP
    assert "<script" not in svg
    assert "<b>" not in svg
    assert "<i>" not in svg
    assert all(label.text.endswith(" <i>&") for label in find_class(root, "kpi-chart__value-label"))


def test_sparkline_title_is_escaped_and_stays_text():
    for points in (POINTS, []):
        svg = sparkline(title=MARKUP, points=points)
        assert parse(svg).find(f"{SVG}title").text == MARKUP
        assert "<script" not in svg


@pytest.mark.parametrize("case", list(EDGE_CASES), ids=list(EDGE_CASES))
def test_no_styles_or_scripts_anywhere(case):
    for svg in (chart(**EDGE_CASES[case]), sparkline(**_spark_args(EDGE_CASES[case]))):
        root = parse(svg)
        for element in root.iter():
            assert "style" not in element.attrib, element.tag
            assert element.tag not in (f"{SVG}style", f"{SVG}script", f"{SVG}foreignObject")
            assert not any(name.startswith("on") for name in element.attrib), element.tag
        assert "style=" not in svg
        assert "<script" not in svg


def test_ids_are_unique_across_charts_on_one_page():
    page = [chart(), chart(), sparkline(), sparkline(points=[])]
    ids = [el.get("id") for svg in page for el in parse(svg).iter() if el.get("id")]

    assert len(ids) == 8
    assert len(set(ids)) == len(ids)


def test_an_id_prefix_can_be_given_and_must_be_safe():
    root = parse(chart(id_prefix="kpi-7"))
    assert root.get("aria-labelledby") == "kpi-7-title kpi-7-desc"
    assert parse(sparkline(id_prefix="s_7")).get("aria-labelledby") == "s_7-title s_7-desc"
    for bad in ('x" onload="alert(1)', "7kpi", ""):
        with pytest.raises(ValueError, match="id_prefix"):
            chart(id_prefix=bad)


# Geometry of the full chart --------------------------------------------------


def test_target_line_is_level_and_at_the_target_value():
    root = parse(chart())
    circles = {D(c.find(f"{SVG}title").text.split(": ")[1][:-1]): c for c in points_of(root)}
    y_of = value_scale(
        root, (D(52), float(circles[D(52)].get("cy"))), (D(60), float(circles[D(60)].get("cy")))
    )

    line = one(root, "kpi-chart__target")
    assert line.get("y1") == line.get("y2")
    assert float(line.get("y1")) == pytest.approx(y_of(D(75)), abs=0.02)
    assert float(line.get("x1")) < float(line.get("x2"))
    label = one(root, "kpi-chart__target-label")
    assert label.text == "Target"
    assert float(label.get("y")) == pytest.approx(float(line.get("y1")), abs=FONT_HALF)


FONT_HALF = 6


def test_plan_runs_from_the_baseline_marker_to_the_target_dashed():
    root = parse(chart())
    plan, target = one(root, "kpi-chart__plan"), one(root, "kpi-chart__target")
    marker = one(root, "kpi-chart__baseline")

    assert plan.get("stroke-dasharray")
    assert target.get("stroke-dasharray") is None  # told apart by more than colour
    marker_x = float(marker.get("x")) + float(marker.get("width")) / 2
    marker_y = float(marker.get("y")) + float(marker.get("height")) / 2
    assert float(plan.get("x1")) == pytest.approx(marker_x, abs=0.02)
    assert float(plan.get("y1")) == pytest.approx(marker_y, abs=0.02)
    assert plan.get("y2") == target.get("y1")
    assert float(plan.get("x2")) == pytest.approx(float(target.get("x2")), abs=0.02)


def test_points_run_left_to_right_in_date_order_whatever_order_they_come_in():
    shuffled = [POINTS[2], POINTS[0], POINTS[3], POINTS[1]]
    root = parse(chart(points=shuffled))

    circles = points_of(root)
    xs = [float(c.get("cx")) for c in circles]
    assert xs == sorted(xs)
    assert len(set(xs)) == len(xs)
    titles = [c.find(f"{SVG}title").text for c in circles]
    assert titles == [
        "31 March 2025: 52%",
        "30 June 2025: 55%",
        "30 September 2025: 58.5%",
        "31 December 2025: 60%",
    ]
    line = one(root, "kpi-chart__measured")
    line_xs = [float(pair.split(",")[0]) for pair in line.get("points").split()]
    assert line_xs == xs


def test_higher_values_are_drawn_higher_up():
    root = parse(chart())
    ys = [float(c.get("cy")) for c in points_of(root)]  # values rise: 52, 55, 58.5, 60

    assert ys == sorted(ys, reverse=True)
    assert float(one(root, "kpi-chart__target").get("y1")) < min(ys)


@pytest.mark.parametrize("case", list(EDGE_CASES), ids=list(EDGE_CASES))
def test_everything_drawn_sits_inside_the_plot_with_room(case):
    kwargs = {
        "points": POINTS,
        "baseline": BASELINE,
        "target": TARGET,
        **EDGE_CASES[case],
    }
    root = parse(chart(**EDGE_CASES[case]))
    left, right, top, bottom = plot_box(root)

    marker = one(root, "kpi-chart__baseline")
    ys = [float(c.get("cy")) for c in points_of(root)]
    ys += [float(marker.get("y")) + 4.5, float(one(root, "kpi-chart__target").get("y1"))]
    zero_y = bottom if min(values_of(kwargs)) == 0 else None  # the axis never dips below 0
    for y in ys:
        assert top < y < bottom or y == zero_y  # strictly: there is room above and below
    xs = [float(c.get("cx")) for c in points_of(root)] + [float(marker.get("x")) + 4.5]
    for x in xs:
        assert left <= x <= right
    values = values_of(kwargs)
    ticks = tick_values(root)
    assert min(ticks) < min(values) or min(ticks) == min(values) == 0
    assert max(ticks) > max(values)
    assert 3 <= len(ticks) <= 12


def test_an_axis_for_values_of_zero_or_more_stops_at_zero():
    root = parse(chart(points=[(date(2025, 6, 1), D(10))], baseline=(date(2025, 1, 1), D(0))))
    labels = [el.text for el in find_class(root, "kpi-chart__value-label")]

    assert labels[0] == "0%"
    assert float(one(root, "kpi-chart__baseline").get("y")) + 4.5 == plot_box(root)[3]


def test_y_ticks_are_round_numbers_with_the_unit():
    root = parse(chart())
    labels = [el.text for el in find_class(root, "kpi-chart__value-label")]

    assert labels == ["40%", "50%", "60%", "70%", "80%"]
    ys = [float(el.get("y")) for el in find_class(root, "kpi-chart__value-label")]
    assert ys == sorted(ys, reverse=True)


def test_a_long_unit_is_written_once_above_the_axis_not_on_every_tick():
    unit = "applications decided within the statutory period"
    root = parse(chart(unit=unit))

    assert one(root, "kpi-chart__unit").text == unit
    assert all(unit not in el.text for el in find_class(root, "kpi-chart__value-label"))


def test_points_outside_the_plan_dates_widen_the_x_axis():
    early, late = (date(2024, 6, 1), D(40)), (date(2027, 6, 1), D(80))
    root = parse(chart(points=[late, early]))
    left, right, _, _ = plot_box(root)
    first, last = points_of(root)
    marker = one(root, "kpi-chart__baseline")
    plan = one(root, "kpi-chart__plan")

    assert float(first.get("cx")) == pytest.approx(left)
    assert float(last.get("cx")) == pytest.approx(right)
    assert left < float(marker.get("x")) and float(plan.get("x2")) < right


def test_a_decreasing_kpi_draws_its_target_below_its_baseline():
    root = parse(chart(**EDGE_CASES["decreasing"]))
    marker = one(root, "kpi-chart__baseline")

    assert float(one(root, "kpi-chart__target").get("y1")) > float(marker.get("y"))
    lowest = find_class(root, "kpi-chart__value-label")[0]
    assert lowest.text.endswith(" days")


def test_negative_values_get_negative_tick_labels():
    root = parse(chart(**EDGE_CASES["negative"]))
    labels = [el.text for el in find_class(root, "kpi-chart__value-label")]

    assert labels[0].startswith("-")
    assert labels[0].endswith("°C")
    assert "0 °C" in labels


@pytest.mark.parametrize(
    ("case", "pattern"),
    [
        ("default", r"(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4}"),
        ("short-range", r"\d{1,2} (Jan|Feb|Mar) 2025"),
        ("long-range-huge-values", r"Jan \d{4}"),
    ],
)
def test_date_labels_are_months_and_years_spaced_so_they_do_not_overlap(case, pattern):
    svg = chart(**EDGE_CASES.get(case, {}))
    root = parse(svg)
    width = float(root.get("width"))
    labels = find_class(root, "kpi-chart__date-label")

    assert 2 <= len(labels) <= 8
    xs = [float(el.get("x")) for el in labels]
    assert xs == sorted(xs)
    for label in labels:
        assert re.fullmatch(pattern, label.text), label.text
    widest = max(len(el.text) for el in labels) * 12 * 0.62
    assert all(b - a > widest for a, b in itertools.pairwise(xs))
    assert xs[0] - widest / 2 >= 0
    assert xs[-1] + widest / 2 <= width


def test_month_labels_fall_on_month_starts():
    root = parse(chart())
    left, _, _, _ = plot_box(root)
    labels = [el.text for el in find_class(root, "kpi-chart__date-label")]

    # 1 January 2025 to 31 December 2026, every four months.
    assert labels == ["Jan 2025", "May 2025", "Sep 2025", "Jan 2026", "May 2026", "Sep 2026"]
    first = find_class(root, "kpi-chart__date-label")[0]
    assert float(first.get("x")) == pytest.approx(left)


def test_no_points_draws_the_plan_only():
    root = parse(chart(points=[]))

    assert points_of(root) == []
    assert find_class(root, "kpi-chart__measured") == []
    assert one(root, "kpi-chart__plan") is not None
    assert one(root, "kpi-chart__target") is not None


def test_one_point_draws_a_dot_without_a_line():
    root = parse(chart(**EDGE_CASES["one-point"]))

    assert len(points_of(root)) == 1
    assert find_class(root, "kpi-chart__measured") == []


def test_every_colour_has_three_to_one_contrast_on_white():
    decorative = {"#d8dadb", "#b1b4b6", "#ffffff", "none"}
    for svg in (chart(), sparkline(), sparkline(points=[])):
        for element in parse(svg).iter():
            for attribute in ("fill", "stroke"):
                colour = element.get(attribute)
                if colour and colour not in decorative:
                    assert _contrast_on_white(colour) >= 3, (element.tag, colour)


# The sparkline ----------------------------------------------------------------


def test_sparkline_draws_the_measurements_a_faint_target_and_the_latest_dot():
    shuffled = [POINTS[3], POINTS[0], POINTS[2], POINTS[1]]
    root = parse(sparkline(points=shuffled, width=120, height=32))

    assert root.get("width") == "120" and root.get("height") == "32"
    assert root.find(f"{SVG}text") is None  # no axes, no labels
    (line,) = root.findall(f"{SVG}polyline")
    xy = [tuple(map(float, pair.split(","))) for pair in line.get("points").split()]
    assert [x for x, _ in xy] == sorted(x for x, _ in xy)
    assert xy[0][1] > xy[-1][1]  # rising values go up
    (target,) = root.findall(f"{SVG}line")
    assert target.get("stroke-dasharray")
    assert target.get("y1") == target.get("y2")
    (dot,) = root.findall(f"{SVG}circle")
    assert (float(dot.get("cx")), float(dot.get("cy"))) == xy[-1]
    for x, y in xy:
        assert 0 <= x <= 120 and 0 <= y <= 32
    assert float(target.get("y1")) < min(y for _, y in xy)  # 75% is above every point


def test_sparkline_desc_gives_the_latest_measurement_and_the_target():
    root = parse(sparkline(unit="%"))

    assert root.find(f"{SVG}desc").text == (
        "4 measurements; the latest, 60% on 31 December 2025. Target 75% by 31 December 2026."
    )


def test_sparkline_with_no_points_is_an_empty_frame_with_the_title():
    root = parse(sparkline(points=[], title="Claims online"))

    assert root.find(f"{SVG}title").text == "Claims online"
    assert root.find(f"{SVG}rect") is not None
    assert root.find(f"{SVG}text").text == "No data"
    assert root.findall(f"{SVG}circle") == []
    assert root.findall(f"{SVG}polyline") == []


@pytest.mark.parametrize("case", ["one-point", "all-equal", "all-zero-one-day", "negative"])
def test_sparkline_edge_cases_draw_one_latest_dot_inside_the_frame(case):
    root = parse(sparkline(**_spark_args(EDGE_CASES[case])))

    (dot,) = root.findall(f"{SVG}circle")
    assert 0 <= float(dot.get("cx")) <= 120
    assert 0 <= float(dot.get("cy")) <= 32


# In the PDF -------------------------------------------------------------------


def test_chart_renders_in_weasyprint(tmp_path: Path):
    from weasyprint import HTML

    svg = chart(title=MARKUP)
    spark = sparkline()
    pdf = HTML(string=f"<html><body>{svg}<p>{spark}</p></body></html>").write_pdf()

    assert pdf.startswith(b"%PDF")
    path = tmp_path / "chart.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=False
    ).stdout
    if text:  # poppler is on the system: the labels are real text in the PDF
        assert "Target" in text
        assert "Jan 2025" in text
        assert "60%" in text


# Helpers -----------------------------------------------------------------------


def _spark_args(case: dict) -> dict:
    return {key: value for key, value in case.items() if key != "description"}


def _contrast_on_white(colour: str) -> float:
    def channel(hex_pair: str) -> float:
        c = int(hex_pair, 16) / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(colour[i : i + 2]) for i in (1, 3, 5))
    luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b
    return 1.05 / (luminance + 0.05)


def test_a_percentage_axis_stops_at_100_when_nothing_passes_it():
    root = parse(chart(target=(date(2026, 12, 31), D(98)), unit="%"))
    labels = [el.text for el in find_class(root, "kpi-chart__value-label")]

    assert labels[-1] == "100%"
    assert "110%" not in labels and "120%" not in labels


def test_a_percentage_above_100_still_fits_on_the_axis():
    root = parse(chart(points=[(date(2025, 6, 1), D(130))], unit="%"))
    ticks = tick_values(root)

    assert max(ticks) > 130


# Counts of whole things: whole-number ticks only ------------------------------


def test_a_count_axis_has_whole_number_ticks_only():
    # 0 to 2 services: a quantity's axis ticks every 0.5.
    count = dict(
        points=[(date(2025, 6, 30), D(1))],
        baseline=(date(2025, 1, 1), D(0)),
        target=(date(2026, 12, 31), D(2)),
        unit="services",
    )
    root = parse(chart(**count, whole=True))
    labels = [el.text for el in find_class(root, "kpi-chart__value-label")]

    assert labels == ["0 services", "1 service", "2 services", "3 services"]
    quantity = [el.text for el in find_class(parse(chart(**count)), "kpi-chart__value-label")]
    assert "0.5 services" in quantity


@pytest.mark.parametrize(
    ("low", "high"),
    [(0, 1), (0, 2), (0, 5), (3, 4), (0, 12), (7, 9), (-3, 2), (0, 48000), (28810, 28811)],
)
def test_whole_ticks_cover_the_range_in_whole_steps(low, high):
    ticks = value_ticks(D(low), D(high), whole=True)

    assert all(tick == tick.to_integral_value() for tick in ticks)
    assert ticks[0] <= low and ticks[-1] >= high
    assert 2 <= len(ticks) <= 7
    steps = {b - a for a, b in itertools.pairwise(ticks)}
    assert len(steps) == 1 and steps.pop() >= 1


def test_whole_ticks_for_any_range_of_whole_numbers():
    for low, span in itertools.product(range(-20, 30, 7), [1, 2, 3, 4, 5, 9, 17, 250, 10**6]):
        ticks = value_ticks(D(low), D(low + span), whole=True)
        assert all(tick == tick.to_integral_value() for tick in ticks), (low, span, ticks)
        assert ticks[0] <= low and ticks[-1] >= low + span


def test_a_quantity_axis_may_still_tick_in_fractions():
    assert value_ticks(D(0), D(2)) == [D(0), D("0.5"), D(1), D("1.5"), D(2), D("2.5")]
    assert value_ticks(D(0), D(2), whole=True) == [D(0), D(1), D(2), D(3)]
