"""The risk heat map: well-formed SVG with no inline styles or scripts, an accessible
name and description, a count and a level word in every cell (colour is never the
only sign), the grid the right way up, and the table rows of its text alternative."""

import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from django.utils.safestring import SafeString

from roadmap.charts.risks import (
    TINTS,
    heat_map_columns,
    heat_map_description,
    heat_map_rows,
    risk_heat_map_svg,
)
from roadmap.rules.risks import RiskLevel, heat_map

SVG = "{http://www.w3.org/2000/svg}"
MARKUP = '<script>alert("x")</script> & <b>co</b>'
RISKS = [(4, 5), (4, 5), (5, 5), (3, 3), (1, 1), (2, 4), (2, 4), (2, 4)]
COUNTS = heat_map(RISKS)


def parse(svg: str) -> ET.Element:
    return ET.fromstring(str(svg))  # noqa: S314 - our own markup, under test


def cells(root: ET.Element) -> dict[tuple[int, int], ET.Element]:
    """Each cell's group by (likelihood, impact)."""
    return {
        (int(g.get("data-likelihood")), int(g.get("data-impact"))): g
        for g in root.iter(f"{SVG}g")
        if g.get("class") == "risk-map__cell"
    }


def text_of(group: ET.Element, css_class: str) -> str:
    (element,) = [t for t in group.iter(f"{SVG}text") if t.get("class") == css_class]
    return element.text


def test_returns_safe_well_formed_svg_with_its_own_title_and_desc():
    svg = risk_heat_map_svg(COUNTS, title="Risks", id_prefix="risks")

    assert isinstance(svg, SafeString)
    root = parse(svg)
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "risks-title risks-desc"
    assert root.find(f"{SVG}title").get("id") == "risks-title"
    assert root.find(f"{SVG}title").text == "Risks"
    assert root.find(f"{SVG}desc").get("id") == "risks-desc"
    assert root.find(f"{SVG}desc").text == "8 risks: 3 high, 4 medium and 1 low."


def test_a_description_can_be_given():
    root = parse(risk_heat_map_svg(COUNTS, description="Our risks on 3 December 2026."))

    assert root.find(f"{SVG}desc").text == "Our risks on 3 December 2026."


def test_user_text_is_escaped_and_stays_text():
    root = parse(risk_heat_map_svg(COUNTS, title=MARKUP, description=MARKUP))

    assert root.find(f"{SVG}title").text == MARKUP
    assert root.find(f"{SVG}desc").text == MARKUP
    assert root.find(f".//{SVG}script") is None


def test_no_styles_or_scripts_anywhere():
    svg = str(risk_heat_map_svg(COUNTS))

    assert "style" not in svg
    assert "<script" not in svg
    for element in parse(svg).iter():
        assert not any(name.startswith("on") for name in element.attrib)


def test_ids_are_unique_across_charts_on_one_page_and_a_prefix_must_be_safe():
    first, second = parse(risk_heat_map_svg(COUNTS)), parse(risk_heat_map_svg(COUNTS))

    assert first.get("aria-labelledby") != second.get("aria-labelledby")
    with pytest.raises(ValueError, match="id_prefix"):
        risk_heat_map_svg(COUNTS, id_prefix='x" onload="alert(1)')


def test_every_cell_shows_its_count_and_level_in_words():
    found = cells(parse(risk_heat_map_svg(COUNTS)))

    assert len(found) == 25
    expected = {(4, 5): 2, (5, 5): 1, (3, 3): 1, (1, 1): 1, (2, 4): 3}
    for (likelihood, impact), group in found.items():
        score = likelihood * impact
        level = "High" if score >= 15 else "Medium" if score >= 5 else "Low"
        assert text_of(group, "risk-map__count") == str(expected.get((likelihood, impact), 0))
        assert text_of(group, "risk-map__level") == level
        assert group.get("data-level") == level.lower()
        assert group.find(f"{SVG}rect").get("fill") == TINTS[RiskLevel(level.lower())]


def test_each_cell_says_itself_whole_in_its_title():
    found = cells(parse(risk_heat_map_svg(COUNTS)))

    assert found[(4, 5)].find(f"{SVG}title").text == (
        "Likely (4) and severe (5), score 20, high: 2 risks"
    )
    assert found[(1, 2)].find(f"{SVG}title").text == (
        "Rare (1) and minor (2), score 2, low: 0 risks"
    )


def test_impact_rises_up_the_grid_and_likelihood_to_the_right():
    found = cells(parse(risk_heat_map_svg(COUNTS)))

    def position(likelihood, impact):
        rect = found[(likelihood, impact)].find(f"{SVG}rect")
        return float(rect.get("x")), float(rect.get("y"))

    for n in range(1, 5):
        assert position(n + 1, 3)[0] > position(n, 3)[0]  # more likely: further right
        assert position(3, n + 1)[1] < position(3, n)[1]  # more impact: higher up
    assert position(1, 1)[1] == position(5, 1)[1]  # a row is level
    assert position(2, 1)[0] == position(2, 5)[0]  # a column is straight


def test_the_axes_are_labelled_with_numbers_and_names():
    root = parse(risk_heat_map_svg(COUNTS))
    words = " ".join("".join(t.itertext()) for t in root.iter(f"{SVG}text"))

    for label in ("Impact", "Likelihood", "5 Severe", "1 Negligible", "Almost", "certain"):
        assert label in words


def test_everything_drawn_fits_inside_the_chart():
    root = parse(risk_heat_map_svg(COUNTS))
    width, height = float(root.get("width")), float(root.get("height"))

    assert root.get("viewBox") == f"0 0 {root.get('width')} {root.get('height')}"
    for rect in root.iter(f"{SVG}rect"):
        assert float(rect.get("x")) + float(rect.get("width")) <= width
        assert float(rect.get("y")) + float(rect.get("height")) <= height
    for text in root.iter(f"{SVG}text"):
        assert 0 < float(text.get("y")) < height
        assert 0 < float(text.get("x")) < width
    assert width <= 480  # narrow enough to stay legible scaled down on a phone


def test_no_risks_draws_the_grid_of_zeros():
    root = parse(risk_heat_map_svg(heat_map([])))

    assert root.find(f"{SVG}desc").text == "No risks yet."
    assert {text_of(g, "risk-map__count") for g in cells(root).values()} == {"0"}


@pytest.mark.parametrize(
    "bad",
    [((0,) * 5,) * 4, ((0,) * 4,) * 5, ((-1, 0, 0, 0, 0),) + ((0,) * 5,) * 4, ((0.5,) * 5,) * 5],
)
def test_counts_that_are_not_a_5_by_5_grid_of_whole_numbers_are_refused(bad):
    with pytest.raises(ValueError, match="heat map"):
        risk_heat_map_svg(bad)


# The table alternative -----------------------------------------------------------


def test_the_table_rows_run_impact_5_to_1_each_with_likelihood_1_to_5():
    rows = heat_map_rows(COUNTS)

    assert [row.label for row in rows] == [
        "5 Severe",
        "4 Major",
        "3 Moderate",
        "2 Minor",
        "1 Negligible",
    ]
    assert heat_map_columns() == [
        "1 Rare",
        "2 Unlikely",
        "3 Possible",
        "4 Likely",
        "5 Almost certain",
    ]
    top = rows[0]
    assert [cell.likelihood for cell in top.cells] == [1, 2, 3, 4, 5]
    assert [cell.count for cell in top.cells] == [0, 0, 0, 2, 1]
    assert [cell.score for cell in top.cells] == [5, 10, 15, 20, 25]
    assert [cell.level for cell in top.cells] == [
        RiskLevel.MEDIUM,
        RiskLevel.MEDIUM,
        RiskLevel.HIGH,
        RiskLevel.HIGH,
        RiskLevel.HIGH,
    ]
    assert sum(cell.count for row in rows for cell in row.cells) == len(RISKS)


def test_the_description_counts_each_level():
    assert heat_map_description(heat_map([(1, 1)])) == "1 risk: 0 high, 0 medium and 1 low."
    assert heat_map_description(heat_map([])) == "No risks yet."


# In the PDF -------------------------------------------------------------------------


def test_the_heat_map_renders_in_weasyprint(tmp_path: Path):
    from weasyprint import HTML

    pdf = HTML(string=f"<html><body>{risk_heat_map_svg(COUNTS)}</body></html>").write_pdf()

    assert pdf.startswith(b"%PDF")
    path = tmp_path / "heat-map.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=False
    ).stdout
    if text:  # poppler is on the system: the counts and words are real text in the PDF
        assert "Likelihood" in text
        assert "Severe" in text
        assert "High" in text
