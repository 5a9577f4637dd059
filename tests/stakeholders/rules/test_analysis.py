"""The power/interest quadrants and the ordering of engagement gaps."""

import pytest

from stakeholders.rules.analysis import (
    Quadrant,
    Standing,
    engagement_gap,
    gaps_by_importance,
    quadrant,
)


@pytest.mark.parametrize(
    ("influence", "interest", "expected"),
    [
        (5, 5, Quadrant.MANAGE_CLOSELY),
        (4, 4, Quadrant.MANAGE_CLOSELY),
        (4, 3, Quadrant.KEEP_SATISFIED),
        (5, 1, Quadrant.KEEP_SATISFIED),
        (3, 4, Quadrant.KEEP_INFORMED),
        (1, 5, Quadrant.KEEP_INFORMED),
        (3, 3, Quadrant.MONITOR),
        (1, 1, Quadrant.MONITOR),
    ],
)
def test_each_stakeholder_falls_in_one_quadrant(influence, interest, expected):
    assert quadrant(influence, interest) is expected


def test_each_quadrant_names_its_strategy():
    assert [q.label for q in Quadrant] == [
        "Manage closely",
        "Keep satisfied",
        "Keep informed",
        "Monitor",
    ]


@pytest.mark.parametrize("bad", [0, 6, True, 2.5])
def test_a_scale_outside_1_to_5_is_refused(bad):
    with pytest.raises(ValueError, match="1 to 5"):
        quadrant(bad, 3)


def test_a_gap_counts_steps_up_only():
    assert engagement_gap("unaware", "leading") == 4
    assert engagement_gap("neutral", "supportive") == 1
    assert engagement_gap("leading", "neutral") == 0
    assert engagement_gap("neutral", "neutral") == 0


def standing(name, influence, interest, current, desired):
    return Standing(name, name, influence, interest, current, desired)


def test_gaps_come_by_influence_then_size_then_interest_then_name():
    ordered = gaps_by_importance(
        [
            standing("small, mighty", 5, 1, "neutral", "supportive"),
            standing("big, weaker", 3, 5, "unaware", "leading"),
            standing("no gap", 5, 5, "leading", "leading"),
            standing("above desired", 5, 5, "leading", "neutral"),
            standing("bigger, mighty", 5, 2, "resistant", "supportive"),
            standing("Beta", 3, 5, "unaware", "leading"),
            standing("same, more interest", 5, 4, "neutral", "supportive"),
        ]
    )
    assert [(s.name, gap) for s, gap in ordered] == [
        ("bigger, mighty", 2),
        ("same, more interest", 1),
        ("small, mighty", 1),
        ("Beta", 4),
        ("big, weaker", 4),
    ]
