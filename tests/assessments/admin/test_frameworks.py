"""Frameworks in Django admin: inlines down to the five level descriptors; a
version an assessment uses is read-only, its save refused with a message naming
the assessments; "Make a new version" copies it into an editable current one."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from assessments.models import Answer, Assessment, Dimension, Framework, Question
from tests.accounts.two_factor import sign_in_with_second_factor
from tests.assessments.conftest import answer_every_question, make_assessment

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, db):
    user = get_user_model().objects.create_superuser("platform", "p@example.gov", "pw-123456789")
    sign_in_with_second_factor(client, user)
    return client


def url(model, action: str, *args) -> str:
    return reverse(f"admin:assessments_{model._meta.model_name}_{action}", args=args)


def test_every_admin_page_loads(admin_client, roadmap, framework, editor):
    assessment = make_assessment(roadmap, framework)
    answer_every_question(assessment, editor)
    dimension = framework.dimensions.first()
    question = dimension.questions.first()
    for model, obj in (
        (Framework, framework),
        (Dimension, dimension),
        (Question, question),
        (Assessment, assessment),
    ):
        assert admin_client.get(url(model, "changelist")).status_code == 200
        assert admin_client.get(url(model, "change", obj.pk)).status_code == 200
    assert admin_client.get(url(Framework, "add")).status_code == 200
    page = admin_client.get(url(Question, "change", question.pk)).text
    for descriptor in question.levels.all():
        assert descriptor.description in page


def test_an_unused_framework_is_edited_with_its_inlines(admin_client, oecd):
    dimension = oecd.dimensions.first()
    question = dimension.questions.first()
    page = admin_client.get(url(Question, "change", question.pk))
    assert 'name="levels-0-description"' in page.text  # editable inline
    data = {
        "dimension": dimension.pk,
        "text": "Reworded question?",
        "guidance": "",
        "weight": "2",
        "position": "0",
        "levels-TOTAL_FORMS": "5",
        "levels-INITIAL_FORMS": "5",
        "levels-MIN_NUM_FORMS": "5",
        "levels-MAX_NUM_FORMS": "5",
    }
    for n, descriptor in enumerate(question.levels.all()):
        data.update(
            {
                f"levels-{n}-id": descriptor.pk,
                f"levels-{n}-question": question.pk,
                f"levels-{n}-level": descriptor.level,
                f"levels-{n}-description": f"Level {descriptor.level}, reworded.",
            }
        )
    response = admin_client.post(url(Question, "change", question.pk), data)
    assert response.status_code == 302, response.content[:2000]
    question.refresh_from_db()
    assert question.text == "Reworded question?"
    assert question.levels.get(level=3).description == "Level 3, reworded."


def test_a_used_framework_is_read_only_and_its_save_refused(admin_client, roadmap, framework):
    make_assessment(roadmap, framework, "Baseline 2026")
    question = Question.objects.filter(dimension__framework=framework).first()
    page = admin_client.get(url(Question, "change", question.pk), follow=True).text
    assert "cannot be changed: it is used by “Baseline 2026”" in page
    assert 'name="text"' not in page and 'name="levels-0-description"' not in page
    response = admin_client.post(
        url(Question, "change", question.pk), {"text": "Changed"}, follow=True
    )
    assert "cannot be changed: it is used by “Baseline 2026”" in response.text
    question.refresh_from_db()
    assert question.text != "Changed"
    response = admin_client.post(url(Framework, "change", framework.pk), {"name": "X"}, follow=True)
    framework.refresh_from_db()
    assert framework.name == "Public-sector digital maturity"
    assert admin_client.get(url(Framework, "delete", framework.pk)).status_code == 403


def test_make_a_new_version_from_the_list(admin_client, roadmap, framework, editor):
    assessment = make_assessment(roadmap, framework)
    answer_every_question(assessment, editor)
    response = admin_client.post(
        url(Framework, "changelist"),
        {"action": "make_new_version", "_selected_action": [framework.pk]},
        follow=True,
    )
    assert "version 2" in response.text and "now the current version" in response.text
    copy = Framework.objects.get(code=framework.code, is_current=True)
    assert copy.version == 2
    page = admin_client.get(url(Framework, "change", copy.pk)).text
    assert 'name="name"' in page  # the copy is editable
    assert Answer.objects.filter(question__dimension__framework=framework).count() == 25
