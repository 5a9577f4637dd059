"""Sentiment in words and its range; follow-ups never due before their interaction."""

from datetime import date

import pytest

from stakeholders.rules.engagements import (
    follow_up_due_problem,
    interaction_date_problem,
    sentiment_number,
    sentiment_problem,
    sentiment_words,
)


def test_sentiment_is_said_in_words_from_very_negative_to_very_positive():
    assert [sentiment_words(v) for v in range(-2, 3)] == [
        "Very negative",
        "Negative",
        "Neutral",
        "Positive",
        "Very positive",
    ]


@pytest.mark.parametrize("value", [-3, 3, 1.5, "1", None, True])
def test_a_sentiment_outside_minus_two_to_two_is_refused(value):
    assert "very negative (-2) to very positive (+2)" in sentiment_problem(value)


@pytest.mark.parametrize("value", [-2, 0, 2])
def test_a_sentiment_in_range_is_accepted(value):
    assert sentiment_problem(value) is None


def test_a_follow_up_due_before_its_interaction_is_refused_with_the_date_named():
    problem = follow_up_due_problem(due_on=date(2027, 3, 14), occurred_on=date(2027, 3, 15))
    assert problem == "The due date must be on or after the interaction's date (15 March 2027)."


@pytest.mark.parametrize("due_on", [date(2027, 3, 15), date(2027, 4, 1), None])
def test_a_follow_up_due_that_day_later_or_undated_is_fine(due_on):
    assert follow_up_due_problem(due_on=due_on, occurred_on=date(2027, 3, 15)) is None


def test_moving_an_interaction_after_a_follow_ups_due_date_is_refused():
    problem = interaction_date_problem(
        occurred_on=date(2027, 3, 15), earliest_due=date(2027, 3, 10)
    )
    assert "due before that date (10 March 2027)" in problem
    same_day = date(2027, 3, 10)
    assert interaction_date_problem(occurred_on=same_day, earliest_due=same_day) is None
    assert interaction_date_problem(occurred_on=date(2027, 3, 10), earliest_due=None) is None


def test_the_number_beside_the_words_is_signed_and_zero_is_plain():
    assert [sentiment_number(v) for v in (-2, 0, 1)] == ["-2", "0", "+1"]
