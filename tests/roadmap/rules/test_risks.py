"""The risk score (likelihood x impact), its level (low 1-4, medium 5-14, high 15
or more) and the heat map's counts, with the grid the right way up."""

from itertools import product

import pytest

from roadmap.rules.risks import (
    HIGH_RISK,
    IMPACT_LABELS,
    IMPACT_ROWS,
    LIKELIHOOD_COLUMNS,
    LIKELIHOOD_LABELS,
    RISK_RULE_TEXT,
    RiskError,
    RiskLevel,
    heat_map,
    is_high,
    risk_level,
    risk_score,
)

LEVELS = range(1, 6)


@pytest.mark.parametrize(
    ("likelihood", "impact", "score"), [(1, 1, 1), (2, 3, 6), (3, 5, 15), (5, 3, 15), (5, 5, 25)]
)
def test_the_score_is_likelihood_times_impact(likelihood, impact, score):
    assert risk_score(likelihood=likelihood, impact=impact) == score


@pytest.mark.parametrize(
    ("score", "level"),
    [
        (1, RiskLevel.LOW),
        (4, RiskLevel.LOW),
        (5, RiskLevel.MEDIUM),
        (12, RiskLevel.MEDIUM),
        (14, RiskLevel.MEDIUM),
        (15, RiskLevel.HIGH),
        (25, RiskLevel.HIGH),
    ],
)
def test_levels_by_score(score, level):
    assert risk_level(score) is level
    assert is_high(score) == (level is RiskLevel.HIGH)


def test_a_high_risk_scores_15_or_more():
    assert HIGH_RISK == 15
    high = {
        (likelihood, impact)
        for likelihood, impact in product(LEVELS, LEVELS)
        if risk_level(risk_score(likelihood=likelihood, impact=impact)) is RiskLevel.HIGH
    }
    assert high == {(3, 5), (4, 4), (4, 5), (5, 3), (5, 4), (5, 5)}


@pytest.mark.parametrize("field", ["likelihood", "impact"])
@pytest.mark.parametrize("bad", [0, 6, -3, 2.0, True, "4", None])
def test_a_likelihood_or_impact_out_of_range_is_refused_naming_it(field, bad):
    given = {"likelihood": 3, "impact": 3, field: bad}

    with pytest.raises(RiskError) as refused:
        risk_score(**given)

    assert refused.value.field == field
    assert str(refused.value) == f"The {field} must be a whole number from 1 to 5."


@pytest.mark.parametrize("bad", [0, 26, 1.5, True])
def test_a_score_out_of_range_has_no_level(bad):
    with pytest.raises(RiskError):
        risk_level(bad)


def test_the_heat_map_counts_each_cell_impact_5_at_the_top_likelihood_5_on_the_right():
    risks = [(5, 5), (5, 5), (1, 5), (5, 1), (3, 2), (3, 2), (3, 2), (1, 1)]

    counts = heat_map(risks)

    assert counts == (
        (1, 0, 0, 0, 2),  # impact 5
        (0, 0, 0, 0, 0),  # impact 4
        (0, 0, 0, 0, 0),  # impact 3
        (0, 0, 3, 0, 0),  # impact 2
        (1, 0, 0, 0, 1),  # impact 1
    )
    assert IMPACT_ROWS == (5, 4, 3, 2, 1)
    assert LIKELIHOOD_COLUMNS == (1, 2, 3, 4, 5)


def test_every_risk_lands_in_its_own_cell():
    risks = list(product(LEVELS, LEVELS))

    counts = heat_map(risks * 2)

    assert counts == tuple((2,) * 5 for _ in range(5))
    for likelihood, impact in risks:
        only = heat_map([(likelihood, impact)])
        row, column = IMPACT_ROWS.index(impact), LIKELIHOOD_COLUMNS.index(likelihood)
        assert only[row][column] == 1
        assert sum(map(sum, only)) == 1


def test_no_risks_is_an_empty_grid():
    assert heat_map([]) == ((0,) * 5,) * 5


def test_a_risk_out_of_range_is_refused_from_the_heat_map():
    with pytest.raises(RiskError) as refused:
        heat_map([(3, 3), (6, 1)])

    assert refused.value.field == "likelihood"


def test_every_level_of_the_scales_has_a_name_and_the_rule_says_the_bands():
    assert sorted(LIKELIHOOD_LABELS) == sorted(IMPACT_LABELS) == [1, 2, 3, 4, 5]
    for words in ("1 to 4", "5 to 14", "15 or more", "likelihood", "impact"):
        assert words in RISK_RULE_TEXT
    assert [level.label for level in RiskLevel] == ["Low", "Medium", "High"]
