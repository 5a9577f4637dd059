"""Saving an answer: added once, changed after, refused when the assessment is
completed, for another framework's question, or with a level outside 1 to 5."""

import pytest

from assessments.models import Answer
from assessments.services.answers import answer_save
from assessments.services.assessments import assessment_complete, assessment_reopen
from tests.assessments.conftest import questions_of
from ui.concurrency import Refused, StaleEdit

pytestmark = pytest.mark.django_db


def save(assessment, respondent, question=None, **levels):
    return answer_save(
        assessment=assessment,
        question=question or questions_of(assessment.framework)[0],
        respondent=respondent,
        **{"current_level": 2, "target_level": 4, **levels},
    )


def test_an_answer_is_added_then_changed(assessment, editor):
    first = save(assessment, editor, evidence="  The 2025 audit. ")
    assert first.evidence == "The 2025 audit."
    second = save(assessment, editor, current_level=3, revision=first.revision)
    assert second.pk == first.pk and second.revision == first.revision + 1
    assert Answer.objects.get().current_level == 3


def test_a_change_over_one_not_seen_is_refused(assessment, editor):
    first = save(assessment, editor)
    save(assessment, editor, current_level=3, revision=first.revision)
    with pytest.raises(StaleEdit):
        save(assessment, editor, current_level=5, revision=first.revision)
    assert Answer.objects.get().current_level == 3


@pytest.mark.parametrize(
    ("levels", "field"),
    [
        ({"current_level": 0}, "current_level"),
        ({"current_level": 6}, "current_level"),
        ({"target_level": 9}, "target_level"),
        ({"confidence": "very"}, "confidence"),
    ],
)
def test_bad_levels_are_refused(assessment, editor, levels, field):
    with pytest.raises(Refused) as refused:
        save(assessment, editor, **levels)
    assert refused.value.field == field
    assert not Answer.objects.exists()


def test_a_target_below_the_current_level_is_saved(assessment, editor):
    assert save(assessment, editor, current_level=4, target_level=2).target_level == 2


def test_a_question_of_another_framework_is_refused(assessment, editor, oecd):
    with pytest.raises(Refused, match="not part of this assessment"):
        save(assessment, editor, question=questions_of(oecd)[0])


def test_a_completed_assessment_takes_no_answers_until_reopened(assessment, editor, lead):
    save(assessment, editor)
    assessment_complete(assessment=assessment, by=editor)
    with pytest.raises(Refused, match="completed"):
        save(assessment, lead)
    assessment_reopen(assessment=assessment, by=lead)
    save(assessment, lead)
    assert Answer.objects.count() == 2


def test_nothing_to_complete_without_answers(assessment, editor):
    with pytest.raises(Refused, match="Nobody has answered"):
        assessment_complete(assessment=assessment, by=editor)
