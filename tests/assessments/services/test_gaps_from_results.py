"""Gaps from results: one per dimension 2 or more levels below target, its
severity from the size of the gap, never twice."""

import pytest

from assessments.models import Gap, GapSource
from assessments.services.answers import answer_save
from assessments.services.gaps_from_results import gap_title, gaps_from_results
from tests.assessments.conftest import questions_of

pytestmark = pytest.mark.django_db


def answer(assessment, respondent, levels_by_dimension):
    for question in questions_of(assessment.framework):
        name = question.dimension.name
        if name in levels_by_dimension:
            current, target = levels_by_dimension[name]
            answer_save(
                assessment=assessment,
                question=question,
                respondent=respondent,
                current_level=current,
                target_level=target,
            )


def test_each_dimension_two_or_more_below_target_becomes_a_gap(assessment, editor):
    answer(
        assessment,
        editor,
        {
            "Strategy and leadership": (3, 4),  # gap 1: none
            "Data management and analytics": (1, 3),  # gap 2: medium
            "Technology and infrastructure": (1, 5),  # gap 4: critical
        },
    )
    made = gaps_from_results(assessment=assessment, by=editor)
    gaps = {gap.title: gap for gap in Gap.objects.all()}
    assert [g.title for g in made.created] == [
        gap_title("Technology and infrastructure"),
        gap_title("Data management and analytics"),
    ]
    data = gaps[gap_title("Data management and analytics")]
    assert data.severity == "medium" and data.source == GapSource.DIMENSION
    assert data.assessment == assessment and data.dimension.name == "Data management and analytics"
    assert "a gap of 2.0 levels" in data.description
    assert gaps[gap_title("Technology and infrastructure")].severity == "critical"
    assert [g.position for g in made.created] == [0, 1]


def test_gaps_the_roadmap_has_are_skipped(assessment, editor):
    answer(assessment, editor, {"Data management and analytics": (1, 4)})
    gaps_from_results(assessment=assessment, by=editor)
    again = gaps_from_results(assessment=assessment, by=editor)
    assert again.created == []
    assert again.skipped == [gap_title("Data management and analytics")]
    assert Gap.objects.count() == 1
