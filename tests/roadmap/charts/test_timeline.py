"""The roadmap timeline (a Gantt chart as SVG): quarters and years by the financial
year, the range, bars placed by their dates and stacked so none overlap, arrows
between the right bars, conflicts, milestones, the today line, user text escaped,
the names a screen reader announces, speed at 500 initiatives, and the PDF's pages."""

import random
import re
import time
import xml.etree.ElementTree as ET
from datetime import date

import pytest
from django.utils.safestring import SafeString

from roadmap.charts.timeline import (
    Arrow,
    Bar,
    MilestoneMark,
    label_width,
    quarter_label,
    timeline_pages,
    timeline_range,
    timeline_rows,
    timeline_svg,
    year_label,
)

SVG = "{http://www.w3.org/2000/svg}"
MARKUP = '<script>alert("x")</script> & <b>co</b>'
TODAY = date(2026, 12, 3)
LANES = ["Technology adoption", "Change management", "Data management and security"]


def bar(key, start, end, *, lane="Technology adoption", status="planned", **extra) -> Bar:
    labels = {"planned": "Planned", "in_progress": "In progress", "done": "Done"}
    kwargs = dict(
        key=key,
        label=extra.pop("label", f"Initiative {key}"),
        lane=lane,
        start=date(*start, 1),
        end=date(*end, 1),
        status=status,
        status_label=labels.get(status, status.title()),
        url=f"/initiatives/{key}/",
    )
    return Bar(**{**kwargs, **extra})


def draw(bars, milestones=(), arrows=(), *, lanes=LANES, **kwargs) -> SafeString:
    return timeline_svg(lanes, bars, milestones, arrows, **{"today": TODAY, **kwargs})


def parse(svg: str) -> ET.Element:
    return ET.fromstring(str(svg))  # noqa: S314 - our own markup, under test


def with_class(root: ET.Element, name: str) -> list[ET.Element]:
    return [el for el in root.iter() if name in el.get("class", "").split()]


def bar_links(root: ET.Element) -> dict[int, ET.Element]:
    return {int(a.get("id").rsplit("-", 1)[1]): a for a in with_class(root, "timeline__bar")}


def rect_of(link: ET.Element) -> tuple[float, float, float, float]:
    (rect,) = with_class(link, "timeline__bar-shape")
    x, y = float(rect.get("x")), float(rect.get("y"))
    return x, x + float(rect.get("width")), y, y + float(rect.get("height"))


def texts(element: ET.Element) -> list[str]:
    return ["".join(t.itertext()) for t in element.iter(f"{SVG}text")]


def lane_name(lane: ET.Element) -> str:
    (name,) = with_class(lane, "timeline__lane-name")
    return "".join(name.itertext()).strip()


def axis_texts(root: ET.Element) -> list[str]:
    (axis,) = with_class(root, "timeline__axis")
    return texts(axis)


def path_points(d: str) -> list[tuple[float, float]]:
    """The corners of a path of M, H and V commands."""
    points: list[tuple[float, float]] = []
    for command, args in re.findall(r"([MHV])([-\d.,]+)", d):
        if command == "M":
            x, y = (float(v) for v in args.split(","))
        elif command == "H":
            x, y = float(args), points[-1][1]
        else:
            x, y = points[-1][0], float(args)
        points.append((x, y))
    return points


# Quarters and years ----------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "label"),
    [
        (date(2026, 1, 1), "Q1 2026"),
        (date(2026, 3, 31), "Q1 2026"),
        (date(2026, 4, 1), "Q2 2026"),
        (date(2026, 12, 31), "Q4 2026"),
    ],
)
def test_calendar_quarters(day, label):
    assert quarter_label(day) == label
    assert year_label(day) == "2026"


@pytest.mark.parametrize(
    ("day", "label"),
    [
        (date(2026, 4, 1), "Q1 2026\u201327"),  # April to June 2026
        (date(2026, 6, 30), "Q1 2026\u201327"),
        (date(2026, 7, 1), "Q2 2026\u201327"),
        (date(2027, 1, 15), "Q4 2026\u201327"),  # January to March 2027
        (date(2027, 3, 31), "Q4 2026\u201327"),
        (date(2026, 3, 31), "Q4 2025\u201326"),
        (date(2099, 5, 1), "Q1 2099\u201300"),
    ],
)
def test_financial_quarters_from_april(day, label):
    assert quarter_label(day, 4) == label


@pytest.mark.parametrize(
    ("day", "label"),
    [
        (date(2026, 7, 1), "Q1 2026\u201327"),  # July to September 2026
        (date(2026, 9, 30), "Q1 2026\u201327"),
        (date(2026, 10, 1), "Q2 2026\u201327"),
        (date(2027, 1, 5), "Q3 2026\u201327"),
        (date(2027, 6, 30), "Q4 2026\u201327"),
        (date(2026, 6, 30), "Q4 2025\u201326"),
    ],
)
def test_financial_quarters_from_july(day, label):
    assert quarter_label(day, 7) == label
    assert year_label(day, 7) == label.split()[1]


def test_the_axis_shows_the_financial_years_and_their_quarters():
    root = parse(draw([bar(1, (2026, 4), (2027, 3))], financial_year_start_month=4))
    assert axis_texts(root) == ["2026\u201327", "Q1", "Q2", "Q3", "Q4"]
    root = parse(draw([bar(1, (2026, 1), (2026, 12))]))
    assert axis_texts(root) == ["2026", "Q1", "Q2", "Q3", "Q4"]


def test_a_year_cut_by_the_range_keeps_its_whole_name():
    # January 2026 alone of 2025-26 (years from April): one quarter wide.
    bars = [bar(1, (2026, 1), (2030, 3))]
    root = parse(draw(bars, financial_year_start_month=4))
    assert axis_texts(root)[:2] == ["2025\u201326", "2026\u201327"]


def test_a_financial_year_must_start_in_a_real_month():
    with pytest.raises(ValueError, match="month"):
        quarter_label(date(2026, 1, 1), 13)
    with pytest.raises(ValueError, match="zoom"):
        draw([bar(1, (2026, 1), (2026, 2))], zoom="months")


# The range -------------------------------------------------------------------


def span(bars, milestones=(), **kwargs) -> tuple[date, date]:
    return timeline_range(bars, milestones, today=TODAY, **kwargs)


def test_the_range_is_padded_to_whole_quarters():
    bars = [bar(1, (2026, 2), (2026, 5)), bar(2, (2026, 6), (2026, 8))]
    assert span(bars) == (date(2026, 1, 1), date(2026, 10, 1))
    # Financial quarters from July: February is in Q3 2025-26 (January to March),
    # August in Q1 2026-27 (July to September).
    assert span(bars, financial_year_start_month=7) == (date(2026, 1, 1), date(2026, 10, 1))
    # From May: quarters are February-April (Q4), May-July, August-October...
    assert span(bars, financial_year_start_month=5) == (date(2026, 2, 1), date(2026, 11, 1))


def test_the_range_is_padded_to_whole_years_when_zoomed_out():
    bars = [bar(1, (2026, 2), (2027, 5))]
    assert span(bars, zoom="years") == (date(2026, 1, 1), date(2028, 1, 1))
    # February 2026 is in 2025-26, May 2027 in 2027-28.
    assert span(bars, zoom="years", financial_year_start_month=4) == (
        date(2025, 4, 1),
        date(2028, 4, 1),
    )


def test_the_range_holds_milestones_and_can_be_given():
    bars = [bar(1, (2026, 2), (2026, 5))]
    milestone = MilestoneMark("Review", date(2027, 1, 10), None, done=False)
    assert span(bars, [milestone]) == (date(2026, 1, 1), date(2027, 4, 1))
    assert span(bars, first=date(2025, 8, 15), last=date(2026, 2, 1)) == (
        date(2025, 7, 1),
        date(2026, 4, 1),
    )
    # Nothing to draw: the quarter of today.
    assert span([]) == (date(2026, 10, 1), date(2027, 1, 1))


# Bars --------------------------------------------------------------------------


def test_a_bar_runs_from_the_start_of_its_first_month_to_the_end_of_its_last():
    # The year 2026 (365 days): one bar across all of it, one from April to June.
    root = parse(draw([bar(1, (2026, 1), (2026, 12)), bar(2, (2026, 4), (2026, 6))]))
    links = bar_links(root)
    left, right, _, _ = rect_of(links[1])
    x1, x2, _, _ = rect_of(links[2])
    per_day = (right - left) / 365
    assert x1 == pytest.approx(left + 90 * per_day, abs=0.02)  # 1 April is day 90
    assert x2 - x1 == pytest.approx(91 * per_day, abs=0.02)  # to 30 June inclusive


def test_bars_in_a_lane_are_stacked_so_that_none_overlap():
    rng = random.Random(11)  # noqa: S311 - repeatable test data
    bars = []
    for key in range(1, 61):
        start = rng.randrange(0, 40)
        length = rng.randrange(0, 14)
        first = (2026 + start // 12, start % 12 + 1)
        end = start + length
        bars.append(bar(key, first, (2026 + end // 12, end % 12 + 1), lane=rng.choice(LANES)))
    root = parse(draw(bars))
    links = bar_links(root)
    assert set(links) == {b.key for b in bars}
    boxes = [(rect_of(link), link) for link in links.values()]
    for index, (a, link_a) in enumerate(boxes):
        for b, link_b in boxes[index + 1 :]:
            share_rows = a[2] < b[3] and b[2] < a[3]
            if share_rows:
                assert a[1] <= b[0] or b[1] <= a[0], "two bars overlap"
                # Nor does a label beside one bar run into the other.
                for link, other in ((link_a, b), (link_b, a)):
                    (label,) = with_class(link, "timeline__bar-label")
                    if "timeline__bar-label--outside" in label.get("class"):
                        lx = float(label.get("x"))
                        if label.get("text-anchor") == "end":
                            low, high = lx - label_width(label.text), lx
                        else:
                            low, high = lx, lx + label_width(label.text)
                        assert high <= other[0] or other[1] <= low, "a label runs into a bar"


def test_overlapping_bars_go_in_separate_rows_and_the_lane_grows():
    one = parse(draw([bar(1, (2026, 1), (2026, 6))], lanes=["Technology adoption"]))
    three = parse(
        draw(
            [
                bar(1, (2026, 1), (2026, 6)),
                bar(2, (2026, 3), (2026, 9)),
                bar(3, (2026, 5), (2026, 7)),
            ],
            lanes=["Technology adoption"],
        )
    )
    ys = {rect_of(link)[2] for link in bar_links(three).values()}
    assert len(ys) == 3
    assert float(three.get("height")) > float(one.get("height"))


def test_every_lane_is_shown_even_with_no_bars():
    root = parse(draw([bar(1, (2026, 1), (2026, 6))]))
    assert [lane_name(lane) for lane in with_class(root, "timeline__lane")] == LANES


def test_a_bar_says_its_status_in_words_and_is_coloured_by_it():
    root = parse(
        draw(
            [
                bar(1, (2026, 1), (2026, 12), status="in_progress", label="Cloud hosting"),
                bar(2, (2026, 1), (2026, 12), status="done", label="API gateway"),
            ]
        )
    )
    links = bar_links(root)
    assert texts(links[1]) == ["Cloud hosting · In progress"]
    assert texts(links[2]) == ["API gateway · Done"]
    fills = {
        key: with_class(link, "timeline__bar-shape")[0].get("fill") for key, link in links.items()
    }
    assert fills[1] != fills[2]


def test_a_long_label_goes_beside_a_short_bar():
    root = parse(draw([bar(1, (2026, 1), (2027, 12)), bar(2, (2026, 1), (2026, 1))]))
    links = bar_links(root)
    (wide,) = with_class(links[1], "timeline__bar-label")
    (narrow,) = with_class(links[2], "timeline__bar-label")
    assert "timeline__bar-label--outside" not in wide.get("class")
    assert "timeline__bar-label--outside" in narrow.get("class")
    assert float(narrow.get("x")) > rect_of(links[2])[1]


# What a screen reader announces, and the keyboard -----------------------------


def test_every_bar_is_a_link_named_by_its_title_dates_and_status():
    root = parse(
        draw(
            [
                bar(1, (2026, 1), (2026, 6), status="in_progress", label="Cloud hosting"),
                bar(2, (2026, 7), (2027, 3), label="Digital identity", critical=True),
            ]
        )
    )
    assert root.get("role") == "group"
    title = root.find(f"{SVG}title")
    assert root.get("aria-labelledby") == title.get("id")
    assert root.find(f"{SVG}desc").get("id") == root.get("aria-describedby")
    links = bar_links(root)
    assert links[1].tag == f"{SVG}a"
    assert links[1].get("href") == "/initiatives/1/"
    assert links[1].get("aria-label") == "Cloud hosting, Jan 2026 to Jun 2026, In progress"
    assert links[1].find(f"{SVG}title").text == links[1].get("aria-label")
    assert links[2].get("aria-label") == (
        "Digital identity, Jul 2026 to Mar 2027, Planned, critical path"
    )
    assert "timeline__bar--critical" in links[2].get("class")
    (shape,) = with_class(links[2], "timeline__bar-shape")
    assert float(shape.get("stroke-width")) >= 3


def test_links_come_lane_by_lane_in_order_of_start():
    bars = [
        bar(1, (2026, 6), (2026, 9), lane="Change management"),
        bar(2, (2026, 9), (2026, 12), lane="Technology adoption"),
        bar(3, (2026, 1), (2026, 2), lane="Technology adoption"),
        # In a second row (it overlaps 3) while 2 is in the first, yet it starts first.
        bar(4, (2026, 2), (2026, 5), lane="Technology adoption"),
    ]
    root = parse(draw(bars))
    order = [a.get("href") for a in root.iter(f"{SVG}a")]
    assert order == ["/initiatives/3/", "/initiatives/4/", "/initiatives/2/", "/initiatives/1/"]
    links = bar_links(root)
    assert rect_of(links[4])[2] > rect_of(links[2])[2]


def test_user_text_is_escaped_everywhere():
    svg = draw(
        [bar(1, (2026, 1), (2026, 6), label=MARKUP, lane=MARKUP, url='/x/"onmouseover="1')],
        [MilestoneMark(MARKUP, date(2026, 3, 1), MARKUP, done=False, url="/m/?a=1&b=2")],
        lanes=[MARKUP],
        title=MARKUP,
    )
    assert "<script" not in svg
    assert "<b>" not in svg
    root = parse(svg)  # still well-formed
    assert not list(root.iter(f"{SVG}script"))
    (link,) = bar_links(root).values()
    assert link.get("href") == '/x/"onmouseover="1'
    assert texts(link)[0].startswith(MARKUP)
    assert MARKUP in "".join(root.find(f"{SVG}title").itertext())
    (milestone,) = with_class(root, "timeline__milestone")
    assert milestone.get("href") == "/m/?a=1&b=2"


def test_no_inline_styles_or_scripts():
    svg = draw(
        [bar(1, (2026, 1), (2026, 6)), bar(2, (2026, 7), (2026, 9))],
        [MilestoneMark("Go live", date(2026, 9, 30), None, done=True)],
        [Arrow(1, 2)],
    )
    assert "style=" not in svg
    assert "<style" not in svg
    assert "<script" not in svg
    assert "on" not in {name[:2] for el in parse(svg).iter() for name in el.attrib}


# Arrows ---------------------------------------------------------------------------


def test_arrows_lead_from_the_end_of_the_prerequisite_to_the_start_of_the_dependant():
    bars = [
        bar(1, (2026, 1), (2026, 3)),
        bar(2, (2026, 4), (2026, 9), lane="Change management"),
        bar(3, (2026, 10), (2026, 12)),
    ]
    root = parse(draw(bars, arrows=[Arrow(1, 2), Arrow(2, 3)]))
    links = bar_links(root)
    arrows = with_class(root, "timeline__arrow")
    assert [(a.get("data-from"), a.get("data-to")) for a in arrows] == [("1", "2"), ("2", "3")]
    for arrow in arrows:
        source = rect_of(links[int(arrow.get("data-from"))])
        target = rect_of(links[int(arrow.get("data-to"))])
        points = path_points(arrow.get("d"))
        (x0, y0), (x_end, y_end) = points[0], points[-1]
        assert source[0] < x0 <= source[1]  # at the prerequisite's end
        assert x0 >= source[1] - 6
        assert y0 in (source[2], source[3])  # leaving by its bottom or top edge
        assert x_end == pytest.approx(target[0], abs=0.01)  # into the dependant's start
        assert y_end == pytest.approx((target[2] + target[3]) / 2, abs=0.01)
        assert arrow.get("marker-end", "").startswith("url(#timeline-")
        assert "timeline__arrow--conflict" not in arrow.get("class")
        assert arrow.get("stroke-dasharray") is None


def test_a_conflict_is_red_dashed_and_named_in_the_description():
    bars = [
        bar(1, (2026, 1), (2026, 9), label="Data platform"),
        bar(2, (2026, 6), (2026, 12), label="Analytics", lane="Change management"),
        bar(3, (2026, 10), (2026, 12), label="Reporting"),
    ]
    root = parse(draw(bars, arrows=[Arrow(1, 2, conflict=True), Arrow(1, 3)]))
    conflict, fine = with_class(root, "timeline__arrow")
    assert "timeline__arrow--conflict" in conflict.get("class")
    assert conflict.get("stroke-dasharray")
    assert conflict.get("stroke") != fine.get("stroke")
    assert conflict.get("marker-end") != fine.get("marker-end")
    description = root.find(f"{SVG}desc").text
    assert "1 schedule conflict" in description
    assert "Analytics starts before Data platform ends" in description
    # The markers the arrows point at exist.
    ids = {marker.get("id") for marker in root.iter(f"{SVG}marker")}
    for arrow in (conflict, fine):
        assert arrow.get("marker-end")[len("url(#") : -1] in ids


def test_arrows_to_unknown_bars_are_left_out():
    root = parse(draw([bar(1, (2026, 1), (2026, 3))], arrows=[Arrow(1, 99), Arrow(98, 1)]))
    assert with_class(root, "timeline__arrow") == []


# Milestones and today ------------------------------------------------------------


def test_milestones_are_diamonds_filled_when_done_and_roadmap_wide_ones_on_top():
    root = parse(
        draw(
            [bar(1, (2026, 1), (2026, 12))],
            [
                MilestoneMark("Strategy approved", date(2026, 3, 31), None, done=True),
                MilestoneMark("Cloud live", date(2026, 9, 15), "Technology adoption", done=False),
            ],
        )
    )
    lanes = with_class(root, "timeline__lane")
    assert "timeline__lane--roadmap" in lanes[0].get("class")
    assert lane_name(lanes[0]) == "Roadmap"
    done, open_ = with_class(root, "timeline__milestone")
    assert "Strategy approved" in texts(done)
    assert "Cloud live" in texts(lanes[1])
    assert done.find(f"{SVG}path").get("fill") != "#ffffff"
    assert open_.find(f"{SVG}path").get("fill") == "#ffffff"
    assert (
        open_.find(f"{SVG}title").text == "Milestone: Cloud live, due 15 September 2026, not done"
    )


def test_no_roadmap_row_without_roadmap_wide_milestones():
    root = parse(draw([bar(1, (2026, 1), (2026, 12))]))
    assert not with_class(root, "timeline__lane--roadmap")


def test_the_today_line_is_drawn_at_today_when_in_range():
    root = parse(draw([bar(1, (2026, 1), (2026, 12))]))
    (today,) = with_class(root, "timeline__today")
    left, right, _, _ = rect_of(bar_links(root)[1])
    x = float(today.find(f"{SVG}line").get("x1"))
    assert x == pytest.approx(
        left + (TODAY - date(2026, 1, 1)).days / 365 * (right - left), abs=0.02
    )
    assert texts(today) == ["Today"]
    assert "today, 3 December 2026" in root.find(f"{SVG}desc").text


def test_no_today_line_when_today_is_out_of_range():
    root = parse(draw([bar(1, (2027, 1), (2027, 12))]))
    assert not with_class(root, "timeline__today")
    assert "today" not in root.find(f"{SVG}desc").text


def test_zoomed_out_the_axis_shows_years_alone():
    bars = [bar(1, (2026, 1), (2028, 6))]
    assert axis_texts(parse(draw(bars, zoom="years"))) == ["2026", "2027", "2028"]
    assert axis_texts(parse(draw(bars, zoom="years", financial_year_start_month=4))) == [
        "2025\u201326",
        "2026\u201327",
        "2027\u201328",
        "2028\u201329",
    ]


# The table view ---------------------------------------------------------------------


def test_the_table_rows_say_the_same_in_words():
    bars = [
        bar(1, (2026, 1), (2026, 9), label="Data platform", lane="Data management and security"),
        bar(2, (2026, 6), (2026, 12), label="Analytics", status="in_progress"),
        bar(3, (2026, 10), (2027, 2), label="Reporting"),
    ]
    rows = timeline_rows(LANES, bars, [Arrow(1, 2, conflict=True), Arrow(2, 3), Arrow(9, 3)])
    assert [row.initiative for row in rows] == ["Analytics", "Reporting", "Data platform"]
    analytics, reporting, _ = rows
    assert (analytics.component, analytics.start, analytics.end, analytics.status) == (
        "Technology adoption",
        "June 2026",
        "December 2026",
        "In progress",
    )
    assert analytics.end_date == date(2026, 12, 31)
    assert analytics.depends_on == ("Data platform",)
    assert analytics.conflicts == ("Data platform",)
    assert reporting.depends_on == ("Analytics",)
    assert reporting.conflicts == ()


# Scale and pages --------------------------------------------------------------------


def big_roadmap(count=500):
    rng = random.Random(500)  # noqa: S311 - repeatable test data
    lanes = [f"Component {n}" for n in range(7)]
    bars = []
    for key in range(count):
        start = rng.randrange(0, 54)
        end = start + rng.randrange(0, 12)
        bars.append(
            bar(
                key,
                (2026 + start // 12, start % 12 + 1),
                (2026 + end // 12, end % 12 + 1),
                lane=rng.choice(lanes),
                critical=key % 50 == 0,
            )
        )
    arrows = [Arrow(rng.randrange(count), rng.randrange(count)) for _ in range(1500)]
    milestones = [
        MilestoneMark(
            f"Milestone {n}", date(2026 + n % 5, n % 12 + 1, 1), rng.choice(lanes), n % 2 == 0
        )
        for n in range(60)
    ]
    return lanes, bars, milestones, arrows


def test_500_initiatives_render_well_under_a_second():
    lanes, bars, milestones, arrows = big_roadmap()
    started = time.perf_counter()
    svg = timeline_svg(lanes, bars, milestones, arrows, today=TODAY)
    elapsed = time.perf_counter() - started
    assert len(bar_links(parse(svg))) == 500
    assert elapsed < 0.5


def test_pages_keep_lanes_together_when_they_fit():
    # Three lanes of four rows each (overlapping bars), pages of ten rows: the third
    # lane does not fit beside the first two, so it starts a page of its own.
    bars = [
        bar(lane_index * 10 + n, (2026, 1 + n), (2026, 6 + n), lane=lane)
        for lane_index, lane in enumerate(LANES)
        for n in range(4)
    ]
    pages = timeline_pages(LANES, bars, [], [], today=TODAY, rows_per_page=10)
    assert len(pages) == 2
    first, second = (parse(page) for page in pages)
    assert [lane_name(lane) for lane in with_class(first, "timeline__lane")] == [
        "Technology adoption",
        "Change management",
    ]
    assert [lane_name(lane) for lane in with_class(second, "timeline__lane")] == [LANES[2]]
    assert len(bar_links(first)) == 8
    assert len(bar_links(second)) == 4
    # The same axis on every page, and each page names itself.
    assert axis_texts(first) == axis_texts(second)
    assert first.find(f"{SVG}title").text == "Roadmap timeline (page 1 of 2)"
    assert first.find(f"{SVG}title").get("id") != second.find(f"{SVG}title").get("id")


def test_a_lane_longer_than_a_page_continues_on_the_next():
    bars = [bar(n, (2026, 1), (2026, 6)) for n in range(1, 8)]  # seven rows
    pages = [
        parse(p) for p in timeline_pages(LANES[:1], bars, [], [], today=TODAY, rows_per_page=3)
    ]
    assert len(pages) == 3
    assert [len(bar_links(page)) for page in pages] == [3, 3, 1]
    names = [lane_name(with_class(page, "timeline__lane")[0]) for page in pages]
    assert "continued" not in names[0]
    assert all("(continued)" in name for name in names[1:])


def test_pages_hold_every_bar_once_and_no_more_rows_than_asked():
    lanes, bars, milestones, arrows = big_roadmap(200)
    pages = [
        parse(p)
        for p in timeline_pages(lanes, bars, milestones, arrows, today=TODAY, rows_per_page=20)
    ]
    keys = [key for page in pages for key in bar_links(page)]
    assert sorted(keys) == sorted(b.key for b in bars)
    for page in pages:
        rows = {round(float(el.get("y")), 2) for el in with_class(page, "timeline__bar-shape")}
        diamonds = {
            round(float(re.match(r"M[-\d.]+,([-\d.]+)", el.find(f"{SVG}path").get("d"))[1]), 2)
            for el in with_class(page, "timeline__milestone")
        }
        assert len(rows) + len(diamonds) <= 20
