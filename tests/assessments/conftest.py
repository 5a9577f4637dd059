"""Assessments over the shipped Public-sector digital maturity framework, and
helpers to answer them."""

from datetime import date

import pytest
from django.urls import reverse

from assessments.models import Framework, Question
from assessments.services.answers import answer_save
from assessments.services.assessments import assessment_create


@pytest.fixture
def framework(db):
    return Framework.objects.get(code="public-sector-digital-maturity", is_current=True)


@pytest.fixture
def oecd(db):
    return Framework.objects.get(code="oecd-digital-government", is_current=True)


def make_assessment(roadmap, framework, title="Baseline 2026", day=date(2026, 2, 16)):
    return assessment_create(roadmap=roadmap, framework=framework, title=title, assessed_on=day)


@pytest.fixture
def assessment(roadmap, framework):
    return make_assessment(roadmap, framework)


@pytest.fixture
def other_assessment(other_roadmap, framework):
    return make_assessment(other_roadmap, framework, title="Agency B's baseline")


def questions_of(framework) -> list[Question]:
    return list(
        Question.objects.filter(dimension__framework=framework).order_by(
            "dimension__position", "position"
        )
    )


def answer_every_question(assessment, respondent, current=2, target=4):
    for question in questions_of(assessment.framework):
        answer_save(
            assessment=assessment,
            question=question,
            respondent=respondent,
            current_level=current,
            target_level=target,
        )


def address(name: str, assessment, **kwargs) -> str:
    roadmap = assessment.roadmap
    return reverse(
        f"assessments:{name}",
        kwargs={
            "agency": roadmap.organisation.slug,
            "slug": roadmap.slug,
            "pk": assessment.pk,
            **kwargs,
        },
    )
