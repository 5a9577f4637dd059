from decimal import Decimal

from assessments.charts.radar import RadarAxis, describe, radar_svg

AXES = [
    RadarAxis("Strategy and leadership", Decimal("2.5"), Decimal(4)),
    RadarAxis("Data", Decimal(1), Decimal(4)),
    RadarAxis("Skills <&>", None, None),
]


def test_the_chart_has_a_title_a_description_and_a_legend_not_by_colour_alone():
    svg = radar_svg(AXES, id_prefix="r")
    assert svg.startswith("<svg") and 'aria-labelledby="r-title r-desc"' in svg
    assert '<title id="r-title">Maturity by dimension: current and target</title>' in svg
    assert "solid line, round markers" in svg and "dashed line, square markers" in svg
    assert 'stroke-dasharray="6 4"' in svg
    assert svg.count("<circle") == 2 + 1  # a marker per answered axis, and the legend's
    assert "Skills &lt;&amp;&gt;" in svg and "(not answered)" in svg
    assert "style=" not in svg and "<script" not in svg


def test_the_description_names_the_biggest_gap():
    assert describe(AXES) == (
        "Current and target maturity, from 1 to 5, for 3 dimensions. The biggest gap is "
        "Data: 1.0 now against 4.0 targeted. 1 not answered."
    )
    assert describe([RadarAxis("Data", None, None)]) == "No answers yet."
