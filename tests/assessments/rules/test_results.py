"""The aggregation rules: median and spread per question, weighted mean per
dimension, overall by dimension weights, missing answers left out."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from assessments.rules.results import (
    DimensionSpec,
    Levels,
    QuestionSpec,
    aggregate,
    compare,
    gap_severity,
    level_text,
    target_below_current,
)

D = Decimal
DIMENSIONS = [DimensionSpec(1, "Strategy"), DimensionSpec(2, "Data")]
QUESTIONS = [QuestionSpec(10, 1), QuestionSpec(11, 1), QuestionSpec(20, 2)]


def test_a_question_is_the_median_of_its_answers_with_their_spread():
    results = aggregate(
        DIMENSIONS, QUESTIONS, [Levels(10, 1, 4), Levels(10, 2, 5), Levels(10, 5, 4)]
    )
    question = results.questions[10]
    assert (question.current, question.target) == (D(2), D(4))
    assert (question.current_spread.low, question.current_spread.high) == (1, 5)
    assert question.current_spread.width == 4
    assert (question.target_spread.low, question.target_spread.high) == (4, 5)
    assert question.respondents == 3


def test_an_even_number_of_answers_takes_the_middle_two():
    results = aggregate(DIMENSIONS, QUESTIONS, [Levels(10, 1, 3), Levels(10, 2, 4)])
    assert results.questions[10].current == D("1.5")
    assert results.questions[10].target == D("3.5")


def test_a_question_nobody_answered_is_not_answered_never_zero():
    results = aggregate(DIMENSIONS, QUESTIONS, [Levels(10, 4, 5)])
    assert results.questions[11].current is None and not results.questions[11].answered
    # Strategy is question 10 alone: 11 does not pull it down to 2.
    strategy, data = results.dimensions
    assert (strategy.current, strategy.answered, strategy.questions) == (D(4), 1, 2)
    assert data.current is None and data.gap is None
    # Overall leaves the unanswered dimension out.
    assert results.current == D(4)


def test_a_dimension_is_the_weighted_mean_of_its_questions():
    questions = [QuestionSpec(10, 1, D(3)), QuestionSpec(11, 1, D(1)), QuestionSpec(20, 2)]
    results = aggregate(DIMENSIONS, questions, [Levels(10, 4, 5), Levels(11, 2, 5)])
    assert results.dimensions[0].current == D("3.5")  # (4 x 3 + 2 x 1) / 4


def test_overall_is_weighted_by_the_dimensions_weights():
    dimensions = [DimensionSpec(1, "Strategy", D(1)), DimensionSpec(2, "Data", D(3))]
    answers = [Levels(10, 1, 3), Levels(11, 1, 3), Levels(20, 5, 5)]
    results = aggregate(dimensions, QUESTIONS, answers)
    assert results.current == D(4)  # (1 x 1 + 5 x 3) / 4
    assert results.target == D("4.5")
    assert results.gap == D("0.5")


def test_no_answers_at_all_gives_no_scores():
    results = aggregate(DIMENSIONS, QUESTIONS, [])
    assert results.current is None and results.target is None and results.gap is None
    assert [d.name for d in results.by_gap()] == ["Strategy", "Data"]


def test_answers_to_questions_of_another_framework_are_ignored():
    results = aggregate(DIMENSIONS, QUESTIONS, [Levels(99, 1, 1), Levels(20, 3, 4)])
    assert results.current == D(3)


def test_dimensions_are_listed_biggest_gap_first_unanswered_last():
    dimensions = [*DIMENSIONS, DimensionSpec(3, "Skills")]
    questions = [*QUESTIONS, QuestionSpec(30, 3)]
    results = aggregate(dimensions, questions, [Levels(10, 3, 4), Levels(30, 1, 4)])
    assert [d.name for d in results.by_gap()] == ["Skills", "Strategy", "Data"]


def test_the_severity_of_a_dimension_gap():
    assert gap_severity(D("1.9")) is None
    assert gap_severity(D(2)) == "medium"
    assert gap_severity(D("2.5")) == "high"
    assert gap_severity(D(3)) == "critical"
    assert gap_severity(D(4)) == "critical"


def test_a_target_below_the_current_level_is_flagged():
    assert target_below_current(4, 3)
    assert not target_below_current(3, 3)
    assert not target_below_current(None, 3)


def test_comparison_matches_dimensions_by_name():
    now = aggregate(DIMENSIONS, QUESTIONS, [Levels(10, 3, 4), Levels(20, 2, 4)])
    earlier_dimensions = [DimensionSpec(7, "Data"), DimensionSpec(8, "Old one")]
    earlier = aggregate(
        earlier_dimensions,
        [QuestionSpec(70, 7), QuestionSpec(80, 8)],
        [Levels(70, 1, 4), Levels(80, 2, 2)],
    )
    changes = {c.name: c for c in compare(now, earlier)}
    assert changes["Data"].change == D(1)
    assert changes["Strategy"].earlier is None and changes["Strategy"].change is None
    assert changes["Old one"].now is None


def test_levels_are_shown_with_one_decimal_place():
    assert level_text(D(3)) == "3.0"
    assert level_text(D("2.25")) == "2.3"
    assert level_text(None) == "not answered"
    assert level_text(D("0.5"), signed=True) == "+0.5"
    assert level_text(D("-0.04"), signed=True) == "+0.0"


# Properties --------------------------------------------------------------------------

levels = st.integers(min_value=1, max_value=5)
answer_lists = st.lists(
    st.tuples(st.sampled_from([10, 11, 20]), levels, levels).map(lambda t: Levels(*t)),
    max_size=30,
)
weights = st.decimals(min_value=D("0.5"), max_value=D(5), places=1)


@given(answer_lists)
def test_every_median_lies_within_its_spread(answers):
    results = aggregate(DIMENSIONS, QUESTIONS, answers)
    for question in results.questions.values():
        if question.answered:
            assert question.current_spread.low <= question.current <= question.current_spread.high
            assert question.target_spread.low <= question.target <= question.target_spread.high


@given(answer_lists, weights, weights, weights)
def test_scores_stay_between_1_and_5_and_between_their_parts(answers, w1, w2, w3):
    questions = [QuestionSpec(10, 1, w1), QuestionSpec(11, 1, w2), QuestionSpec(20, 2, w3)]
    results = aggregate(DIMENSIONS, questions, answers)
    for dimension in results.dimensions:
        parts = [
            results.questions[q.key].current
            for q in questions
            if q.dimension == dimension.key and results.questions[q.key].answered
        ]
        if parts:
            assert min(parts) <= dimension.current <= max(parts)
        else:
            assert dimension.current is None
    if results.current is not None:
        assert 1 <= results.current <= 5


@given(answer_lists, weights)
def test_scaling_every_weight_alike_changes_nothing(answers, factor):
    plain = aggregate(DIMENSIONS, QUESTIONS, answers)
    scaled = aggregate(
        [DimensionSpec(d.key, d.name, d.weight * factor) for d in DIMENSIONS],
        [QuestionSpec(q.key, q.dimension, q.weight * factor) for q in QUESTIONS],
        answers,
    )
    pairs = [(plain.current, scaled.current)] + [
        (a.current, b.current) for a, b in zip(plain.dimensions, scaled.dimensions, strict=True)
    ]
    for before, after in pairs:
        assert (before is None) == (after is None)
        if before is not None:
            assert float(after) == pytest.approx(float(before))


@given(answer_lists)
def test_the_order_of_the_answers_does_not_matter(answers):
    assert aggregate(DIMENSIONS, QUESTIONS, answers) == aggregate(
        DIMENSIONS, QUESTIONS, list(reversed(answers))
    )
