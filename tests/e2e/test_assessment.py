"""A maturity assessment in a real browser: every page of it axe-clean; one
dimension answered with the keyboard alone (each answer saved in place, "Saved"
said), the assessment completed, and the radar chart seen on the results; and
without JavaScript an answer saves as a plain page."""

from datetime import date

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from assessments.models import Answer, AssessmentStatus, Framework
from assessments.services.assessments import assessment_create
from tests.e2e.conftest import assert_accessible, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def assessment(roadmap):
    framework = Framework.objects.get(code="oecd-digital-government", is_current=True)
    return assessment_create(
        roadmap=roadmap, framework=framework, title="Baseline 2026", assessed_on=date(2026, 2, 16)
    )


def answer_url(assessment, dimension) -> str:
    roadmap = assessment.roadmap
    return reverse(
        "assessments:assessment-answer",
        kwargs={
            "agency": roadmap.organisation.slug,
            "slug": roadmap.slug,
            "pk": assessment.pk,
            "dimension_pk": dimension.pk,
        },
    )


def tab_to(page, name: str, limit: int = 80) -> None:
    """Press Tab until the field named `name` has the focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement && document.activeElement.name") == name:
            return
    pytest.fail(f"Tab never reached {name}")


def test_an_editor_answers_with_the_keyboard_and_sees_the_radar_chart(
    page, editor, roadmap, assessment
):
    sign_in(page, editor.username)
    page.goto(roadmap.address("assessments:assessments"))
    assert_accessible(page, "the assessments list")
    page.goto(roadmap.address("assessments:assessment-create"))
    assert_accessible(page, "the add form")
    page.goto(assessment.get_absolute_url())
    assert_accessible(page, "the assessment page")

    dimension = assessment.framework.dimensions.first()
    page.goto(answer_url(assessment, dimension))
    assert_accessible(page, "a dimension's questions")
    for number, question in enumerate(dimension.questions.all(), start=1):
        prefix = f"q{question.pk}"
        tab_to(page, f"{prefix}-current_level")
        page.keyboard.press("Space")  # level 1
        page.keyboard.press("ArrowDown")  # level 2
        page.keyboard.press("Tab")
        page.keyboard.press("Space")
        for _ in range(3):
            page.keyboard.press("ArrowDown")  # level 4
        page.keyboard.press("Tab")
        page.keyboard.type(f"Evidence for question {number}.")
        page.keyboard.press("Tab")
        page.keyboard.press("ArrowDown")  # confidence: medium -> high
        tab_to(page, "")  # the Save button has no name
        page.keyboard.press("Enter")
        section = page.locator(f"#question-{question.pk}")
        expect(section.locator("[data-save-state]")).to_contain_text("Saved")
    answers = Answer.objects.filter(respondent=editor)
    assert answers.count() == dimension.questions.count()
    assert {(a.current_level, a.target_level, a.confidence) for a in answers} == {(2, 4, "high")}
    assert_accessible(page, "a dimension answered")

    page.goto(assessment.get_absolute_url())
    page.get_by_role("button", name="Complete the assessment").focus()
    page.keyboard.press("Enter")
    expect(page.locator("#notifications")).to_contain_text("completed")
    assessment.refresh_from_db()
    assert assessment.status == AssessmentStatus.COMPLETED

    page.goto(assessment.address("assessments:assessment-results"))
    chart = page.get_by_role("img", name="Maturity by dimension: current and target")
    expect(chart).to_be_visible()
    expect(page.locator("#dimension-table-caption")).to_be_visible()
    assert_accessible(page, "the results")


def test_without_javascript_an_answer_saves_as_a_plain_page(
    scriptless_page, editor, roadmap, assessment
):
    page = scriptless_page
    sign_in(page, editor.username)
    dimension = assessment.framework.dimensions.first()
    question = dimension.questions.first()
    page.goto(answer_url(assessment, dimension))
    section = page.locator(f"#question-{question.pk}")
    section.get_by_role("group", name="Where you are now").get_by_label("3 Defined").check()
    section.get_by_role("group", name="Where you aim to be").get_by_label("5 Optimised").check()
    section.get_by_role("button", name="Save answer").click()
    page.wait_for_url(f"**{answer_url(assessment, dimension)}#question-{question.pk}")
    expect(page.locator("#notifications")).to_contain_text("Your answer to question 1")
    answer = Answer.objects.get()
    assert (answer.current_level, answer.target_level) == (3, 5)
    assert_accessible(page, "a dimension page without scripts")
