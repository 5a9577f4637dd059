"""Answering one dimension's questions: a form per question, saved in place with
htmx or as a plain page; bad input told beside its field and kept; a target
below the current level flagged; a completed assessment refuses."""

import pytest

from assessments.models import Answer
from assessments.services.assessments import assessment_complete
from tests.assessments.conftest import address, answer_every_question
from tests.helpers import HTMX, count_queries, in_place_banner, signed_in
from tests.html import FormPage

pytestmark = pytest.mark.django_db


def dimension_and_question(assessment, n=0):
    dimension = assessment.framework.dimensions.first()
    return dimension, list(dimension.questions.all())[n]


def page_url(assessment, dimension):
    return address("assessment-answer", assessment, dimension_pk=dimension.pk)


def posted(question, **changes):
    prefix = f"q{question.pk}"
    data = {
        "question": str(question.pk),
        f"{prefix}-current_level": "2",
        f"{prefix}-target_level": "4",
        f"{prefix}-evidence": "The 2025 audit.",
        f"{prefix}-confidence": "high",
    }
    data.update({f"{prefix}-{key}": value for key, value in changes.items()})
    return data


def test_the_page_shows_each_question_with_its_five_levels(client, editor, assessment):
    dimension, question = dimension_and_question(assessment)
    response = signed_in(client, editor).get(page_url(assessment, dimension))
    assert response.status_code == 200
    text = response.text
    assert f"<h1>{dimension.name}</h1>" in text
    assert text.count("data-save-form") == dimension.questions.count()
    for descriptor in question.levels.all():
        assert f"{descriptor.level} " in text and descriptor.description in text
    assert "Where you are now" in text and "Where you aim to be" in text
    assert f'hx-post="{page_url(assessment, dimension)}"' in text


def test_a_plain_save_comes_back_to_the_question(client, editor, assessment):
    dimension, question = dimension_and_question(assessment, 1)
    response = signed_in(client, editor).post(page_url(assessment, dimension), posted(question))
    assert response.status_code == 302
    assert response.url == f"{page_url(assessment, dimension)}#question-{question.pk}"
    answer = Answer.objects.get()
    assert (answer.question, answer.respondent, answer.current_level) == (question, editor, 2)
    assert (answer.target_level, answer.confidence, answer.evidence) == (
        4,
        "high",
        "The 2025 audit.",
    )
    page = client.get(response.url)
    assert "Your answer to question 2 of Strategy and leadership saved." in page.text


def test_an_htmx_save_answers_with_the_question_saying_saved(client, editor, assessment):
    dimension, question = dimension_and_question(assessment)
    signed_in(client, editor)
    response = client.post(page_url(assessment, dimension), posted(question), headers=HTMX)
    assert response.status_code == 200
    assert response.text.lstrip().startswith(
        f'<section class="section narrow question" id="question-{question.pk}"'
    )
    assert "<strong>Saved</strong>" in response.text
    assert "<html" not in response.text
    assert "saved" in in_place_banner(response)
    # Changed again, with the revision the form now carries.
    answer = Answer.objects.get()
    again = posted(question, current_level="3", revision=str(answer.revision))
    client.post(page_url(assessment, dimension), again, headers=HTMX)
    answer.refresh_from_db()
    assert answer.current_level == 3 and Answer.objects.count() == 1


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"current_level": ""}, "current_level", "Choose the current level, from 1 to 5."),
        ({"target_level": "7"}, "target_level", "Enter a target level from 1 to 5."),
        ({"confidence": "sure"}, "confidence", "Choose low, medium or high."),
    ],
)
def test_bad_input_is_told_beside_its_field_and_nothing_is_saved(
    client, editor, assessment, changes, field, message
):
    dimension, question = dimension_and_question(assessment)
    signed_in(client, editor)
    response = client.post(page_url(assessment, dimension), posted(question, **changes))
    assert response.status_code == 400
    page = FormPage(response)
    assert message in page.error(f"q{question.pk}-{field}")
    assert "The 2025 audit." in response.text  # what was typed is kept
    assert not Answer.objects.exists()
    in_place = client.post(
        page_url(assessment, dimension), posted(question, **changes), headers=HTMX
    )
    assert in_place.status_code == 200 and "field__error" in in_place.text
    assert not Answer.objects.exists()


def test_a_target_below_the_current_level_is_saved_and_flagged(client, editor, assessment):
    dimension, question = dimension_and_question(assessment)
    signed_in(client, editor)
    data = posted(question, current_level="4", target_level="2")
    response = client.post(page_url(assessment, dimension), data, headers=HTMX)
    assert "Your target is below where you are now." in response.text
    assert Answer.objects.get().target_level == 2
    assert (
        "Your target is below where you are now."
        in client.get(page_url(assessment, dimension)).text
    )


def test_a_completed_assessment_takes_no_answers(client, editor, assessment):
    answer_every_question(assessment, editor)
    assessment_complete(assessment=assessment, by=editor)
    dimension, question = dimension_and_question(assessment)
    signed_in(client, editor)
    response = client.post(page_url(assessment, dimension), posted(question, current_level="5"))
    assert response.status_code == 302 and response.url == assessment.get_absolute_url()
    assert not Answer.objects.filter(current_level=5).exists()


def test_viewers_and_outsiders_cannot_answer(client, viewer, outsider, assessment, oecd):
    dimension, question = dimension_and_question(assessment)
    signed_in(client, viewer)
    assert client.get(page_url(assessment, dimension)).status_code == 403
    assert client.post(page_url(assessment, dimension), posted(question)).status_code == 403
    signed_in(client, outsider)
    assert client.get(page_url(assessment, dimension)).status_code == 404
    assert client.post(page_url(assessment, dimension), posted(question)).status_code == 404
    assert not Answer.objects.exists()


def test_a_dimension_or_question_of_another_framework_is_not_found(
    client, editor, assessment, oecd
):
    signed_in(client, editor)
    other_dimension = oecd.dimensions.first()
    assert client.get(page_url(assessment, other_dimension)).status_code == 404
    dimension, _ = dimension_and_question(assessment)
    other_question = other_dimension.questions.first()
    assert client.post(page_url(assessment, dimension), posted(other_question)).status_code == 404
    assert client.post(page_url(assessment, dimension), {"question": "x"}).status_code == 404


def test_the_page_costs_the_same_queries_answered_or_not(client, editor, lead, assessment):
    dimension, _ = dimension_and_question(assessment)
    signed_in(client, lead)
    blank, _ = count_queries(client, page_url(assessment, dimension))
    answer_every_question(assessment, lead)
    answer_every_question(assessment, editor)
    answered, _ = count_queries(client, page_url(assessment, dimension))
    assert blank == answered
