"""The priority score: 20 x value x confidence factor / effort, 0-100, with every
input checked and refused by name."""

from itertools import product

import pytest

from roadmap.rules.prioritisation import (
    PRIORITY_RULE_TEXT,
    Confidence,
    PriorityError,
    priority_score,
)

LEVELS = range(1, 6)
CONFIDENCES = ("low", "medium", "high")


@pytest.mark.parametrize(
    ("value", "effort", "confidence", "score"),
    [
        (5, 1, "high", 100),  # the best possible
        (1, 5, "low", 2),  # the least
        (4, 2, "medium", 32),  # the rule text's example
        (3, 3, "high", 20),
        (5, 5, "high", 20),
        (3, 2, "low", 15),
        (2, 3, "medium", 11),  # 10.67
        (1, 4, "medium", 4),  # 4.0
        (5, 4, "low", 13),  # 12.5, a half rounds up
        (3, 4, "high", 15),
    ],
)
def test_score(value, effort, confidence, score):
    assert priority_score(value=value, effort=effort, confidence=confidence) == score


def test_every_score_is_a_whole_number_from_0_to_100():
    for value, effort, confidence in product(LEVELS, LEVELS, CONFIDENCES):
        score = priority_score(value=value, effort=effort, confidence=confidence)
        assert isinstance(score, int) and 0 <= score <= 100


def test_more_value_never_lowers_and_more_effort_never_raises_the_score():
    for value, effort, confidence in product(range(1, 5), LEVELS, CONFIDENCES):
        here = priority_score(value=value, effort=effort, confidence=confidence)
        assert priority_score(value=value + 1, effort=effort, confidence=confidence) > here
    for value, effort, confidence in product(LEVELS, range(1, 5), CONFIDENCES):
        here = priority_score(value=value, effort=effort, confidence=confidence)
        assert priority_score(value=value, effort=effort + 1, confidence=confidence) <= here


def test_more_confidence_raises_the_score():
    for value, effort in product(LEVELS, LEVELS):
        low, medium, high = (
            priority_score(value=value, effort=effort, confidence=c) for c in CONFIDENCES
        )
        assert low < medium < high


def test_confidence_may_be_given_as_the_enum():
    assert priority_score(value=4, effort=2, confidence=Confidence.MEDIUM) == 32
    assert Confidence.HIGH.label == "High"


@pytest.mark.parametrize("field", ["value", "effort"])
@pytest.mark.parametrize("bad", [0, 6, -1, 2.5, True, "3", None])
def test_a_value_or_effort_out_of_range_is_refused_naming_the_field(field, bad):
    given = {"value": 3, "effort": 3, "confidence": "high", field: bad}

    with pytest.raises(PriorityError) as refused:
        priority_score(**given)

    assert refused.value.field == field
    assert str(refused.value) == f"The {field} must be a whole number from 1 to 5."
    assert isinstance(refused.value, ValueError)


@pytest.mark.parametrize("bad", ["certain", "High", "", None, 1])
def test_a_confidence_not_low_medium_or_high_is_refused(bad):
    with pytest.raises(PriorityError) as refused:
        priority_score(value=3, effort=3, confidence=bad)

    assert refused.value.field == "confidence"
    assert str(refused.value) == "The confidence must be low, medium or high."


def test_the_rule_text_gives_the_formula_and_its_example():
    for words in ("value (1 to 5)", "high 1, medium 0.8, low 0.5", "effort (1 to 5)", "20"):
        assert words in PRIORITY_RULE_TEXT
    assert "value 4, effort 2 and medium confidence scores 32" in PRIORITY_RULE_TEXT
    assert priority_score(value=4, effort=2, confidence="medium") == 32
